// RUN: tcc-opt %s --split-input-file --pass-pipeline="builtin.module(func.func(tfm-plan-memory{alignment=64}))" | FileCheck %s
// RUN: tcc-opt %s --split-input-file --pass-pipeline="builtin.module(func.func(tfm-plan-memory{alignment=16}))" | FileCheck %s --check-prefix=ALIGN16

// A chain a -> b -> c: a is dead once b is computed, so c reuses a's bytes.
// The arena is the largest simultaneously live pair (a+b or b+c).
// CHECK-LABEL: func @chain
// CHECK-SAME: %[[ARENA:[a-z0-9]+]]: memref<2048xi8>
// CHECK-SAME: tfm.arena_size = 2048 : i64
// CHECK-NOT: memref.alloc
// CHECK: %[[OFF_A:.*]] = arith.constant 0 : index
// CHECK: memref.view %[[ARENA]][%[[OFF_A]]][] : memref<2048xi8> to memref<256xf32>
// CHECK: %[[OFF_B:.*]] = arith.constant 1024 : index
// CHECK: memref.view %[[ARENA]][%[[OFF_B]]][] : memref<2048xi8> to memref<256xf32>
// CHECK: %[[OFF_C:.*]] = arith.constant 0 : index
// CHECK: memref.view %[[ARENA]][%[[OFF_C]]][] : memref<2048xi8> to memref<256xf32>
// CHECK-NOT: memref.alloc
func.func @chain(%in: memref<256xf32>, %out: memref<256xf32>) {
  %a = memref.alloc() : memref<256xf32>
  memref.copy %in, %a : memref<256xf32> to memref<256xf32>
  %b = memref.alloc() : memref<256xf32>
  memref.copy %a, %b : memref<256xf32> to memref<256xf32>
  %c = memref.alloc() : memref<256xf32>
  memref.copy %b, %c : memref<256xf32> to memref<256xf32>
  memref.copy %c, %out : memref<256xf32> to memref<256xf32>
  return
}

// -----

// A view keeps its buffer alive: %a is used through its reshaped view after
// %b is allocated, so the two must not overlap.
// CHECK-LABEL: func @alias
// CHECK-SAME: memref<128xi8>
// CHECK: memref.view %{{.*}}[%{{.*}}][] : memref<128xi8> to memref<4x4xf32>
// CHECK: memref.view %{{.*}}[%{{.*}}][] : memref<128xi8> to memref<16xf32>
func.func @alias(%in: memref<16xf32>, %out: memref<16xf32>) {
  %a = memref.alloc() : memref<4x4xf32>
  %flat = memref.collapse_shape %a [[0, 1]] : memref<4x4xf32> into memref<16xf32>
  memref.copy %in, %flat : memref<16xf32> to memref<16xf32>
  %b = memref.alloc() : memref<16xf32>
  memref.copy %flat, %b : memref<16xf32> to memref<16xf32>
  memref.copy %b, %out : memref<16xf32> to memref<16xf32>
  return
}

// -----

// Offsets are aligned to the option (sizes are not padded): two live
// 12-byte buffers take 64 + 12 bytes rounded to 128 at alignment 64, and
// 16 + 12 rounded to 32 at alignment 16.
// CHECK-LABEL: func @aligned
// CHECK-SAME: memref<128xi8>
// CHECK-DAG: arith.constant 64 : index
// ALIGN16-LABEL: func @aligned
// ALIGN16-SAME: memref<32xi8>
// ALIGN16-DAG: arith.constant 16 : index
func.func @aligned(%in: memref<3xf32>, %out: memref<3xf32>) {
  %a = memref.alloc() : memref<3xf32>
  memref.copy %in, %a : memref<3xf32> to memref<3xf32>
  %b = memref.alloc() : memref<3xf32>
  memref.copy %a, %b : memref<3xf32> to memref<3xf32>
  memref.copy %b, %out : memref<3xf32> to memref<3xf32>
  return
}
