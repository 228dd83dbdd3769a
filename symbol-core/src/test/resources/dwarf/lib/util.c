#include "../util.h"

int accumulate(int n) {
    int acc = 0;
    while (n > 0) {
        acc += square(n);
        n--;
    }
    return acc;
}

#line 12 "/home/dev/llgo/example/hello.go"
int gofunc(int a) {
#line 13 "/home/dev/llgo/example/hello.go"
    int b = a + 1;
#line 14 "/home/dev/llgo/example/hello.go"
    return b * accumulate(a & 3);
}
