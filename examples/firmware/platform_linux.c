/* AArch64 Linux (run under qemu-aarch64 by the tests): output to stdout
 * through the write system call, no stdio buffers. */
#include <stddef.h>
#include <unistd.h>

int example_main(void);

void platform_write(const char *text, size_t length) {
  while (length) {
    ssize_t n = write(1, text, length);
    if (n <= 0)
      return;
    text += n;
    length -= (size_t)n;
  }
}

int main(void) { return example_main(); }
