#include <stdio.h>
#include "util.h"

static int twice(int v) {
    return v * 2;
}

int compute(int a, int b) {
    int s = 0;
    for (int i = 0; i < a; i++) {
        s += square(i) + twice(b);
    }
    return s;
}

/* A relative #line path, as LLGo emits for package files: joined with the comp dir. */
#line 40 "pkg/runtime/panic.go"
__attribute__((noinline)) int gopanic(int code) {
#line 41 "pkg/runtime/panic.go"
    volatile int c = code;
#line 42 "pkg/runtime/panic.go"
    return c ? c * 3 : -1;
}
#line 27 "main.c"

int main(int argc, char **argv) {
    int total = compute(argc + 3, 7);
    total += accumulate(argc * 5);
    total += gofunc(total);
    total += gopanic(argc);
    printf("%d\n", total);
    return 0;
}
