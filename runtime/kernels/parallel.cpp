//===- parallel.cpp - The host's parallel-for hook for the kernels --------===//
//
// The one piece of global state of the kernel library (see tcc_kernels.h):
// set by a host between inferences, read by the kernels. Serial unless set.
//
//===----------------------------------------------------------------------===//
#include "tcc_kernels.h"

namespace {
tcc_parallel_hooks gHooks = {nullptr, nullptr, nullptr, 1};
}

extern "C" void tcc_kernels_set_parallel(const tcc_parallel_hooks *hooks) {
  if (hooks && hooks->parallel_for && hooks->thread_scratch &&
      hooks->threads > 1)
    gHooks = *hooks;
  else
    gHooks = tcc_parallel_hooks{nullptr, nullptr, nullptr, 1};
}

extern "C" int tcc_kernels_threads(void) { return gHooks.threads; }

extern "C" void tcc_kernels_parallel_for(int64_t n, tcc_parallel_task task,
                                         void *ctx) {
  if (n <= 0)
    return;
  if (gHooks.threads <= 1 || n == 1) {
    task(ctx, 0, n, 0);
    return;
  }
  gHooks.parallel_for(gHooks.pool, n, task, ctx);
}

extern "C" float *tcc_kernels_thread_scratch(int thread, size_t floats) {
  if (thread <= 0 || !gHooks.thread_scratch)
    return nullptr;
  return gHooks.thread_scratch(gHooks.pool, thread, floats);
}
