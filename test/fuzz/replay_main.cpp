//===- replay_main.cpp - run a fuzz harness over files, without libFuzzer --===//
//
// Builds each harness as a plain program for builds without libFuzzer (the
// main gcc build, a sanitizer build with gcc): every file named on the
// command line, or inside a directory named there, goes through
// LLVMFuzzerTestOneInput once. The committed seeds and crash regressions
// thus run in every build; a crash fails the test.
//
//===----------------------------------------------------------------------===//
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <dirent.h>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/stat.h>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

void collect(const std::string &path, std::vector<std::string> &files) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    std::fprintf(stderr, "replay: cannot stat '%s'\n", path.c_str());
    std::exit(2);
  }
  if (!S_ISDIR(st.st_mode)) {
    files.push_back(path);
    return;
  }
  DIR *dir = opendir(path.c_str());
  std::vector<std::string> names;
  while (dirent *entry = dir ? readdir(dir) : nullptr)
    if (entry->d_name[0] != '.')
      names.push_back(path + "/" + entry->d_name);
  if (dir)
    closedir(dir);
  std::sort(names.begin(), names.end()); // a stable order for logs
  for (const std::string &name : names)
    collect(name, files);
}

} // namespace

int main(int argc, char **argv) {
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i)
    collect(argv[i], files);
  for (const std::string &file : files) {
    std::ifstream in(file, std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                            std::istreambuf_iterator<char>());
    std::fprintf(stderr, "replay: %s (%zu bytes)\n", file.c_str(), bytes.size());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.data()),
                           bytes.size());
  }
  std::printf("replayed %zu inputs without a crash\n", files.size());
  return files.empty() ? 1 : 0; // an empty corpus would test nothing
}
