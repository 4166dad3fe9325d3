//===- ThreadPool.h - The host's parallel-for for the kernels ---*- C++ -*-===//
//
// What `tcc run --threads N` (and any host application) installs with
// tcc_kernels_set_parallel: N-1 worker threads that spin briefly between
// jobs (a kernel call every few hundred microseconds would otherwise pay a
// futex wake-up each time) and then sleep. Thread 0 is the caller.
//
// Work is handed out dynamically: a job's items are cut into a few chunks
// per thread that every thread, the caller included, takes from one atomic
// counter. A worker the OS has not scheduled (more threads than free
// cores) then costs nothing: the others take its chunks, and the caller
// waits only for chunks already started.
//
//===----------------------------------------------------------------------===//
#ifndef TCC_RUNTIME_TOOLS_THREADPOOL_H
#define TCC_RUNTIME_TOOLS_THREADPOOL_H

#include "tcc_kernels.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace tcc {

class ThreadPool {
public:
  explicit ThreadPool(int threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool &) = delete;
  ThreadPool &operator=(const ThreadPool &) = delete;

  int threads() const { return threads_; }
  /// task(ctx, b, e, t) over contiguous chunks [b, e) covering [0, n).
  void parallelFor(int64_t n, tcc_parallel_task task, void *ctx);
  /// Thread t's private scratch of at least `floats` floats.
  float *scratch(int thread, size_t floats);
  /// The hooks to pass to tcc_kernels_set_parallel.
  tcc_parallel_hooks hooks();

private:
  void workerLoop(int thread);
  void runChunks(int thread, uint64_t job);

  struct AlignedFree {
    void operator()(float *p) const;
  };
  struct Scratch {
    std::unique_ptr<float, AlignedFree> data;
    size_t floats = 0;
  };

  int threads_;
  std::vector<std::thread> workers_;
  std::vector<Scratch> scratch_;
  // The current job, published by generation_ (release/acquire).
  tcc_parallel_task task_ = nullptr;
  void *ctx_ = nullptr;
  int64_t n_ = 0, chunks_ = 0;
  // (job number << 32) | next chunk, or | kClosed once the job is over: a
  // thread claims a chunk only of the job it woke up for, so one that runs
  // late never reads the fields of the next job while they are written.
  std::atomic<uint64_t> claim_{0};
  std::atomic<uint64_t> generation_{0};   // job number, for waking workers
  std::atomic<int> running_{0};           // threads claiming or running chunks
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  int sleeping_ = 0; // guarded by mutex_
};

} // namespace tcc

#endif // TCC_RUNTIME_TOOLS_THREADPOOL_H
