/* A fault 512 frames deep, for stackTrace latency: descend() recurses, then stores through NULL. */
#include <stdlib.h>
volatile int *volatile target = 0;

__attribute__((noinline, noipa)) int descend(int n) {
    if (n == 0) {
        *target = 1;
        return 0;
    }
    return descend(n - 1) + 1;
}

int main(int argc, char **argv) {
    return descend(argc > 1 ? atoi(argv[1]) : 512);
}
