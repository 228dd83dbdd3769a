#ifndef UTIL_H
#define UTIL_H
static inline int square(int x) {
    int r = x * x;
    return r + 0;
}
int accumulate(int n);
int gofunc(int a);
#endif
