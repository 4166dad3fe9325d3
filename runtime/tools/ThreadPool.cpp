//===- ThreadPool.cpp - The host's parallel-for for the kernels -----------===//
#include "runtime/tools/ThreadPool.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace tcc {

namespace {
// How long an idle worker spins before it sleeps: longer than the gap
// between two kernel calls of a model (loops between them run on thread 0).
constexpr auto kSpin = std::chrono::microseconds(500);

inline void cpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
}
} // namespace

void ThreadPool::AlignedFree::operator()(float *p) const { std::free(p); }

ThreadPool::ThreadPool(int threads) : threads_(threads < 1 ? 1 : threads) {
  scratch_.resize(threads_);
  for (int t = 1; t < threads_; ++t)
    workers_.emplace_back([this, t] { workerLoop(t); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_.store(true, std::memory_order_release);
  }
  wake_.notify_all();
  for (std::thread &worker : workers_)
    worker.join();
}

constexpr uint64_t kClosed = 0xFFFFFFFFu;

void ThreadPool::runChunks(int thread, uint64_t job) {
  uint64_t claim = claim_.load(std::memory_order_acquire);
  for (;;) {
    const uint64_t chunk = claim & 0xFFFFFFFFu;
    if ((claim >> 32) != (job & 0xFFFFFFFFu) || chunk == kClosed ||
        int64_t(chunk) >= chunks_)
      return;
    if (!claim_.compare_exchange_weak(claim, claim + 1,
                                      std::memory_order_acq_rel,
                                      std::memory_order_acquire))
      continue;
    const int64_t begin = n_ * int64_t(chunk) / chunks_;
    const int64_t end = n_ * (int64_t(chunk) + 1) / chunks_;
    if (begin < end)
      task_(ctx_, begin, end, thread);
    claim = claim_.load(std::memory_order_acquire);
  }
}

void ThreadPool::workerLoop(int thread) {
  uint64_t seen = 0;
  for (;;) {
    uint64_t generation = generation_.load(std::memory_order_acquire);
    auto spinUntil = std::chrono::steady_clock::now() + kSpin;
    for (unsigned spins = 0; generation == seen; ++spins) {
      if (stop_.load(std::memory_order_acquire))
        return;
      if ((spins & 63) == 63 && std::chrono::steady_clock::now() > spinUntil) {
        std::unique_lock<std::mutex> lock(mutex_);
        ++sleeping_;
        wake_.wait(lock, [&] {
          return stop_.load(std::memory_order_acquire) ||
                 generation_.load(std::memory_order_acquire) != seen;
        });
        --sleeping_;
        spinUntil = std::chrono::steady_clock::now() + kSpin;
      } else {
        cpuRelax();
      }
      generation = generation_.load(std::memory_order_acquire);
    }
    seen = generation;
    // Registered before claiming, so the caller cannot finish the job (or
    // start the next) while this thread still runs part of it.
    running_.fetch_add(1, std::memory_order_seq_cst);
    runChunks(thread, seen);
    running_.fetch_sub(1, std::memory_order_acq_rel);
  }
}

void ThreadPool::parallelFor(int64_t n, tcc_parallel_task task, void *ctx) {
  if (threads_ == 1 || n <= 1) {
    if (n > 0)
      task(ctx, 0, n, 0);
    return;
  }
  // A straggler of the previous job must be out before its fields change.
  while (running_.load(std::memory_order_seq_cst) != 0)
    std::this_thread::yield();
  task_ = task;
  ctx_ = ctx;
  n_ = n;
  chunks_ = std::min<int64_t>(n, 4 * int64_t(threads_));
  const uint64_t job = generation_.load(std::memory_order_relaxed) + 1;
  claim_.store((job & 0xFFFFFFFFu) << 32, std::memory_order_release);
  generation_.store(job, std::memory_order_release);
  {
    // A worker about to sleep checks the generation under this lock, so
    // taking it here means none can miss the new job.
    std::lock_guard<std::mutex> lock(mutex_);
    if (sleeping_ > 0)
      wake_.notify_all();
  }
  runChunks(0, job);
  claim_.store(((job & 0xFFFFFFFFu) << 32) | kClosed, std::memory_order_release);
  // Chunks are all taken; wait for those still running elsewhere.
  for (unsigned spins = 0; running_.load(std::memory_order_acquire) != 0;
       ++spins) {
    if (spins < 4096)
      cpuRelax();
    else
      std::this_thread::yield(); // its owner may be waiting for a core
  }
}

float *ThreadPool::scratch(int thread, size_t floats) {
  if (thread < 0 || thread >= threads_)
    return nullptr;
  Scratch &s = scratch_[thread];
  if (s.floats < floats) {
    size_t bytes = (floats * sizeof(float) + 63) / 64 * 64;
    s.data.reset(static_cast<float *>(std::aligned_alloc(64, bytes)));
    s.floats = s.data ? floats : 0;
  }
  return s.data.get();
}

tcc_parallel_hooks ThreadPool::hooks() {
  tcc_parallel_hooks h;
  h.parallel_for = [](void *pool, int64_t n, tcc_parallel_task task,
                      void *ctx) {
    static_cast<ThreadPool *>(pool)->parallelFor(n, task, ctx);
  };
  h.thread_scratch = [](void *pool, int thread, size_t floats) {
    return static_cast<ThreadPool *>(pool)->scratch(thread, floats);
  };
  h.pool = this;
  h.threads = threads_;
  return h;
}

} // namespace tcc
