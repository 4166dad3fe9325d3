//===- ProtoWireTest.cpp - The minimal protobuf wire reader/writer --------===//

#include "runtime/tools/ProtoWire.h"

#include <gtest/gtest.h>

using namespace tcc::host::proto;

namespace {

std::vector<uint8_t> encodeVarint(uint64_t v) {
  std::vector<uint8_t> out;
  Writer(out).varint(v);
  return out;
}

TEST(ProtoWireTest, VarintRoundTrip) {
  for (uint64_t v : {uint64_t(0), uint64_t(1), uint64_t(127), uint64_t(128),
                     uint64_t(300), uint64_t(1) << 35, uint64_t(INT64_MAX),
                     static_cast<uint64_t>(int64_t(-1)), UINT64_MAX}) {
    const std::vector<uint8_t> bytes = encodeVarint(v);
    Reader r(bytes.data(), bytes.size());
    uint64_t back = 0;
    ASSERT_TRUE(r.readVarint(back)) << r.error();
    EXPECT_EQ(back, v);
    EXPECT_TRUE(r.atEnd());
  }
  EXPECT_EQ(encodeVarint(300), (std::vector<uint8_t>{0xac, 0x02}));
  EXPECT_EQ(encodeVarint(UINT64_MAX).size(), 10u);
}

TEST(ProtoWireTest, MalformedVarints) {
  uint64_t v;
  const std::vector<uint8_t> truncated = {0x80, 0x80};
  Reader r1(truncated.data(), truncated.size());
  EXPECT_FALSE(r1.readVarint(v));
  EXPECT_EQ(r1.error(), "truncated varint at byte 0");

  std::vector<uint8_t> eleven(10, 0x80);
  eleven.push_back(0x01);
  Reader r2(eleven.data(), eleven.size());
  EXPECT_FALSE(r2.readVarint(v));
  EXPECT_NE(r2.error().find("longer than"), std::string::npos);

  std::vector<uint8_t> overflow(9, 0xff);
  overflow.push_back(0x02); // bit 64
  Reader r3(overflow.data(), overflow.size());
  EXPECT_FALSE(r3.readVarint(v));
  EXPECT_EQ(r3.error(), "varint longer than 64 bits at byte 0");

  Reader empty(nullptr, 0);
  EXPECT_FALSE(empty.readVarint(v));
}

TEST(ProtoWireTest, Tags) {
  std::vector<uint8_t> bytes;
  Writer w(bytes);
  w.tag(1, WireType::Varint);
  w.tag(536870911, WireType::Fixed32); // the largest field number
  Reader r(bytes.data(), bytes.size());
  uint32_t field;
  WireType type;
  ASSERT_TRUE(r.readTag(field, type));
  EXPECT_EQ(field, 1u);
  EXPECT_EQ(type, WireType::Varint);
  ASSERT_TRUE(r.readTag(field, type));
  EXPECT_EQ(field, 536870911u);
  EXPECT_EQ(type, WireType::Fixed32);

  for (std::vector<uint8_t> bad : {std::vector<uint8_t>{0x00},       // field 0
                                   std::vector<uint8_t>{0x0e},       // type 6
                                   std::vector<uint8_t>{0x0f},       // type 7
                                   encodeVarint(uint64_t(1) << 32)}) { // > 2^29
    Reader rb(bad.data(), bad.size());
    EXPECT_FALSE(rb.readTag(field, type));
  }
}

TEST(ProtoWireTest, LengthDelimitedIsBoundsChecked) {
  std::vector<uint8_t> bytes;
  Writer w(bytes);
  w.bytesField(9, "abc", 3);
  Reader r(bytes.data(), bytes.size());
  uint32_t field;
  WireType type;
  ASSERT_TRUE(r.readTag(field, type));
  const uint8_t *p;
  size_t n;
  ASSERT_TRUE(r.readLengthDelimited(p, n));
  EXPECT_EQ(std::string(reinterpret_cast<const char *>(p), n), "abc");

  // A length one past the end, and one that would wrap a 64-bit offset.
  for (uint64_t length : {uint64_t(4), UINT64_MAX - 1}) {
    std::vector<uint8_t> bad = encodeVarint(length);
    bad.insert(bad.end(), {'a', 'b', 'c'});
    Reader rb(bad.data(), bad.size());
    EXPECT_FALSE(rb.readLengthDelimited(p, n));
    EXPECT_NE(rb.error().find("runs past the end"), std::string::npos);
  }
}

TEST(ProtoWireTest, FixedAndSkip) {
  const std::vector<uint8_t> bytes = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  Reader r(bytes.data(), bytes.size());
  uint32_t v32;
  uint64_t v64;
  ASSERT_TRUE(r.readFixed32(v32));
  EXPECT_EQ(v32, 0x04030201u);
  EXPECT_FALSE(r.readFixed64(v64)); // 5 bytes left
  EXPECT_EQ(r.offset(), 4u);
  ASSERT_TRUE(r.skip(WireType::Fixed32));
  EXPECT_FALSE(r.readFixed32(v32));
  EXPECT_FALSE(r.skip(WireType::StartGroup));
  EXPECT_FALSE(r.skip(WireType::EndGroup));
}

} // namespace
