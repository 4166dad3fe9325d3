// RUN: tcc-opt %s --split-input-file --tfm-materialize-kernel-calls --verify-diagnostics | FileCheck %s
// Before: tfm.kernel_call on planned buffers. After: func.call of the C
// signature, each memref as its address and outer strides.

// A subview of an arena view: the address is aligned(arena) + the view's
// byte shift (256) + the subview's element offset (8 floats = 32 bytes),
// never the view's own aligned pointer (upstream folds that to the arena's).
// CHECK-LABEL: func.func @arena_view
// CHECK-DAG: %[[SHIFT:.*]] = arith.constant 256 : index
// CHECK-DAG: %[[OFF:.*]] = arith.constant 32 : index
// CHECK: %[[S1:.*]] = arith.addi %[[OFF]], %[[SHIFT]] : index
// CHECK: %[[BASE:.*]] = memref.extract_aligned_pointer_as_index %arg0 : memref<4096xi8> -> index
// CHECK: %[[ADDR:.*]] = arith.addi %[[BASE]], %[[S1]] : index
// CHECK: %[[I64:.*]] = arith.index_cast %[[ADDR]] : index to i64
// CHECK: %[[PTR:.*]] = llvm.inttoptr %[[I64]] : i64 to !llvm.ptr
// CHECK: %[[LD:.*]] = arith.constant 8 : i64
// CHECK: %[[XPTR:.*]] = llvm.inttoptr
// CHECK: %[[XB:.*]] = arith.constant 24 : i64
// CHECK: %[[XR:.*]] = arith.constant 8 : i64
// CHECK: call @tcc_example_kernel(%{{.*}}, %[[PTR]], %[[LD]], %[[XPTR]], %[[XB]], %[[XR]]) : (i64, !llvm.ptr, i64, !llvm.ptr, i64, i64) -> ()
// CHECK: func.func private @tcc_example_kernel(i64, !llvm.ptr, i64, !llvm.ptr, i64, i64)
func.func @arena_view(%arena: memref<4096xi8>, %x: memref<2x3x8xf32>) {
  %c256 = arith.constant 256 : index
  %v = memref.view %arena[%c256][] : memref<4096xi8> to memref<4x8xf32>
  %sub = memref.subview %v[1, 0] [2, 8] [1, 1] : memref<4x8xf32> to memref<2x8xf32, strided<[8, 1], offset: 8>>
  %n = arith.constant 2 : i64
  tfm.kernel_call @tcc_example_kernel(%n, %sub, %x) : i64, memref<2x8xf32, strided<[8, 1], offset: 8>>, memref<2x3x8xf32>
  return
}

// -----

// A buffer whose innermost stride is not 1 cannot be handed to a kernel.
func.func @strided_inner(%x: memref<4x8xf32>) {
  %sub = memref.subview %x[0, 0] [4, 4] [1, 2] : memref<4x8xf32> to memref<4x4xf32, strided<[8, 2]>>
  // expected-error @+1 {{kernel operand 'memref<4x4xf32, strided<[8, 2]>>' has no static layout with unit inner stride}}
  tfm.kernel_call @tcc_example_kernel(%sub) : memref<4x4xf32, strided<[8, 2]>>
  return
}
