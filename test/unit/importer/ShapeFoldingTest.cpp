//===- ShapeFoldingTest.cpp - the importer's constant evaluator -----------===//
#include "compiler/onnx/ShapeFolding.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/MLIRContext.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace tcc::importer;

namespace {

class ShapeFoldingTest : public ::testing::Test {
protected:
  mlir::MLIRContext context;
  mlir::Builder b{&context};
  mlir::Type i64 = b.getIntegerType(64);
  mlir::Type i8 = b.getIntegerType(8);
  mlir::Type u8 = b.getIntegerType(8, false);
  mlir::Type i1 = b.getI1Type();
  mlir::Type f32 = b.getF32Type();
  mlir::Type f16 = b.getF16Type();

  ConstTensor ints(std::vector<int64_t> shape, std::vector<int64_t> values,
                   mlir::Type type = {}) {
    return ConstTensor::fromInts(type ? type : i64, shape, std::move(values));
  }
};

TEST_F(ShapeFoldingTest, BinaryBroadcastsAndKeepsOperandOrder) {
  ConstTensor a = ints({2, 1}, {10, 20});
  ConstTensor c = ints({3}, {1, 2, 3});
  auto r = binary(BinaryFn::Sub, a, c);
  ASSERT_TRUE(bool(r));
  EXPECT_EQ(r->shape, (llvm::SmallVector<int64_t>{2, 3}));
  EXPECT_EQ(r->ints, (std::vector<int64_t>{9, 8, 7, 19, 18, 17}));
}

TEST_F(ShapeFoldingTest, IntegerDivisionAndModulo) {
  auto div = binary(BinaryFn::Div, ints({2}, {-7, 7}), ints({}, {2}));
  ASSERT_TRUE(bool(div));
  EXPECT_EQ(div->ints, (std::vector<int64_t>{-3, 3})); // truncates
  auto mod = binary(BinaryFn::Mod, ints({2}, {-7, 7}), ints({}, {3}));
  ASSERT_TRUE(bool(mod));
  EXPECT_EQ(mod->ints, (std::vector<int64_t>{2, 1})); // divisor's sign
  auto fmod = binary(BinaryFn::FMod, ints({2}, {-7, 7}), ints({}, {3}));
  ASSERT_TRUE(bool(fmod));
  EXPECT_EQ(fmod->ints, (std::vector<int64_t>{-1, 1}));
  auto zero = binary(BinaryFn::Div, ints({1}, {1}), ints({1}, {0}));
  EXPECT_FALSE(bool(zero));
  llvm::consumeError(zero.takeError());
}

TEST_F(ShapeFoldingTest, IntegersWrapToTheirWidth) {
  auto r = binary(BinaryFn::Add, ints({1}, {127}, i8), ints({1}, {1}, i8));
  ASSERT_TRUE(bool(r));
  EXPECT_EQ(r->ints[0], -128);
  EXPECT_EQ(wrapToIntType(-1, u8), 255);
}

TEST_F(ShapeFoldingTest, ComparisonsGiveBooleans) {
  auto r = binary(BinaryFn::Equal, ints({3}, {3, -1, -1}), ints({}, {-1}));
  ASSERT_TRUE(bool(r));
  EXPECT_TRUE(r->elementType.isInteger(1));
  EXPECT_EQ(r->ints, (std::vector<int64_t>{0, 1, 1}));
}

TEST_F(ShapeFoldingTest, FloatsRoundToTheirType) {
  ConstTensor third = ConstTensor::fromDoubles(f32, {}, {1.0 / 3.0});
  EXPECT_EQ(third.floats[0], static_cast<double>(1.0f / 3.0f));
  EXPECT_EQ(roundToFloatType(65520.0, f16), INFINITY);
  EXPECT_EQ(roundToFloatType(1.0 + 1.0 / 4096, f16), 1.0);
}

TEST_F(ShapeFoldingTest, CastTruncatesAndSaturates) {
  ConstTensor f = ConstTensor::fromDoubles(f32, {4}, {-2.7, 2.7, 1e30, NAN});
  ConstTensor r = convertElements(f, i64);
  EXPECT_EQ(r.ints, (std::vector<int64_t>{-2, 2, INT64_MAX, 0}));
  ConstTensor asBool = convertElements(f, i1);
  EXPECT_EQ(asBool.ints, (std::vector<int64_t>{1, 1, 1, 1}));
}

TEST_F(ShapeFoldingTest, GatherNegativeIndices) {
  ConstTensor shape = ints({4}, {1, 197, 3, 64});
  ConstTensor r = gather(shape, ints({}, {-1}), 0);
  EXPECT_TRUE(r.shape.empty());
  EXPECT_EQ(r.ints, (std::vector<int64_t>{64}));
  ConstTensor m = ints({2, 3}, {1, 2, 3, 4, 5, 6});
  ConstTensor cols = gather(m, ints({2}, {2, 0}), 1);
  EXPECT_EQ(cols.ints, (std::vector<int64_t>{3, 1, 6, 4}));
}

TEST_F(ShapeFoldingTest, SliceWithNegativeStride) {
  ConstTensor v = ints({5}, {0, 1, 2, 3, 4});
  ConstTensor r = slice(v, {4}, {3}, {-2});
  EXPECT_EQ(r.ints, (std::vector<int64_t>{4, 2, 0}));
}

TEST_F(ShapeFoldingTest, TransposeConcatTileBroadcast) {
  ConstTensor m = ints({2, 3}, {1, 2, 3, 4, 5, 6});
  EXPECT_EQ(transpose(m, {1, 0}).ints, (std::vector<int64_t>{1, 4, 2, 5, 3, 6}));
  ConstTensor a = ints({1}, {7});
  ConstTensor c = concat({&a, &a}, 0);
  EXPECT_EQ(c.ints, (std::vector<int64_t>{7, 7}));
  EXPECT_EQ(tile(ints({2}, {1, 2}), {2}).ints,
            (std::vector<int64_t>{1, 2, 1, 2}));
  EXPECT_EQ(broadcastTo(ints({2, 1}, {1, 2}), {2, 2}).ints,
            (std::vector<int64_t>{1, 1, 2, 2}));
}

TEST_F(ShapeFoldingTest, Reductions) {
  ConstTensor m = ints({2, 3}, {1, 2, 3, 4, 5, 6});
  ConstTensor prod = reduce(ReduceFn::Prod, m, {0, 1}, false);
  EXPECT_TRUE(prod.shape.empty());
  EXPECT_EQ(prod.ints, (std::vector<int64_t>{720}));
  ConstTensor rows = reduce(ReduceFn::Sum, m, {1}, true);
  EXPECT_EQ(rows.shape, (llvm::SmallVector<int64_t>{2, 1}));
  EXPECT_EQ(rows.ints, (std::vector<int64_t>{6, 15}));
}

TEST_F(ShapeFoldingTest, SelectBroadcasts) {
  ConstTensor cond = ints({3}, {0, 1, 1}, i1);
  ConstTensor r = select(cond, ints({}, {1}), ints({3}, {3, -1, -1}));
  EXPECT_EQ(r.ints, (std::vector<int64_t>{3, 1, 1}));
}

TEST_F(ShapeFoldingTest, CheckedNumElements) {
  EXPECT_EQ(checkedNumElements({2, 3}), 6);
  EXPECT_EQ(checkedNumElements({}), 1);
  EXPECT_EQ(checkedNumElements({0, int64_t(1) << 40}), -1);
  EXPECT_EQ(checkedNumElements({int64_t(1) << 20, int64_t(1) << 20}), -1);
  EXPECT_EQ(checkedNumElements({-1}), -1);
}

} // namespace
