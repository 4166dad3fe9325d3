//===- TileForCache.cpp - tile sizes of the tiled kernels from the cache --===//
//
// The attention kernel works on tiles of block_q query rows x block_k keys;
// what one tile touches (its scores, the K and V rows of the key tile, the
// Q and output rows of the query block) should stay in the core's cache
// (L2 on application cores, the on-chip memory budget on a small device):
//   4 (bq bk + bk (dk + dv) + bq (dk + dv)) <= cache-bytes / 2
// The pass starts from the kernel's defaults (64 x 256, within the
// sequence) and halves the larger side until the tile fits, and further
// until the per-thread scratch (tcc_attention_scratch_size_f32) is at most
// a quarter of `memory-budget` when one is given. The sizes are recorded on
// the op as `tfm.tile = array<i64: block_q, block_k>`, which
// tfm-use-cpu-kernels passes to the kernel and uses to size the scratch.
//
// The GEMM's cache blocking (KC x NR panels in L1, KC x NC blocks in L2) is
// a property of each ISA's microkernel (runtime/kernels/gemm_config.h).
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/KernelIsa.h"
#include "targets/cpu/Passes.h"

#include "tcc_kernels.h"

namespace tcc {
#define GEN_PASS_DEF_TILEFORCACHE
#include "targets/cpu/Passes.h.inc"
} // namespace tcc

using namespace mlir;
namespace tfm = tcc::tfm;

namespace {

struct TileForCachePass : tcc::impl::TileForCacheBase<TileForCachePass> {
  using TileForCacheBase::TileForCacheBase;

  void runOnOperation() override {
    // Only sizes the scratch estimate; an unknown ISA fails later, in
    // tfm-use-cpu-kernels.
    tcc_isa kernelIsa = tcc::parseKernelIsa(isa).value_or(TCC_ISA_GENERIC);
    getOperation().walk([&](tfm::AttentionOp op) {
      auto q = cast<RankedTensorType>(op.getQuery().getType());
      auto k = cast<RankedTensorType>(op.getKey().getType());
      auto v = cast<RankedTensorType>(op.getValue().getType());
      int64_t heads = op.getNumHeads(), rank = q.getRank();
      int64_t sq = q.getDimSize(rank - 2), skv = k.getDimSize(rank - 2);
      int64_t dk = q.getShape().back() / heads, dv = v.getShape().back() / heads;
      if (sq < 1 || skv < 1 || dk < 1 || dv < 1)
        return;
      int64_t bq = std::min<int64_t>(sq, 64), bk = std::min<int64_t>(skv, 256);
      auto workingSet = [&] {
        return 4 * (bq * bk + bk * (dk + dv) + bq * (dk + dv));
      };
      auto scratchBytes = [&] {
        return 4 * int64_t(tcc_attention_scratch_size_f32(kernelIsa, sq, skv,
                                                          dk, dv, bq, bk));
      };
      auto tooBig = [&] {
        return workingSet() > cacheBytes / 2 ||
               (memoryBudget > 0 && scratchBytes() > memoryBudget / 4);
      };
      while (tooBig()) {
        if (bk > 16 && bk >= bq)
          bk = (bk + 1) / 2;
        else if (bq > 4)
          bq = (bq + 1) / 2;
        else
          break; // the smallest tile; the arena check reports a budget miss
      }
      op->setAttr("tfm.tile",
                  DenseI64ArrayAttr::get(op.getContext(), {bq, bk}));
    });
  }
};

} // namespace
