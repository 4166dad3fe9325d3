/* Bare-metal Cortex-M4: the reset handler copies .data, clears .bss,
 * enables the FPU and runs the example; output goes to a RAM buffer
 * (example_console) that a debugger or a UART driver can drain. The vector
 * table holds only the initial stack pointer and the reset handler: the
 * example takes no interrupts. */
#include <stddef.h>
#include <stdint.h>

int example_main(void);

char example_console[512];
size_t example_console_length;
volatile int example_result = -1;

void platform_write(const char *text, size_t length) {
  while (length-- && example_console_length < sizeof example_console)
    example_console[example_console_length++] = *text++;
}

extern uint32_t __data_load, __data_start, __data_end, __bss_start, __bss_end,
    __stack_top;

void reset_handler(void) {
  uint32_t *src = &__data_load, *dst = &__data_start;
  while (dst < &__data_end)
    *dst++ = *src++;
  for (dst = &__bss_start; dst < &__bss_end;)
    *dst++ = 0;
  /* CPACR: full access to CP10/CP11 (the FPU) before any float code. */
  *(volatile uint32_t *)0xE000ED88u |= 0xFu << 20;
  __asm__ volatile("dsb\n\tisb");
  example_result = example_main();
  for (;;)
    __asm__ volatile("wfi");
}

__attribute__((section(".vectors"), used)) static void *const vectors[2] = {
    &__stack_top, (void *)reset_handler};
