/*
 * Times TA-Lib's C functions on the same input as the JavaScript contenders.
 * Usage: harness <input.f64> <bars> <runs>
 * The input file holds five little-endian float64 columns (open, high, low, close, volume)
 * of <bars> values each. Prints one JSON line per function: best wall time in ms and a
 * checksum of the outputs, so results can be compared across contenders.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "ta_libc.h"

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double checksum(const double *values, int count) {
  double sum = 0;
  for (int i = 0; i < count; i++) sum += values[i];
  return sum;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: harness <input.f64> <bars> <runs>\n");
    return 2;
  }
  int n = atoi(argv[2]);
  int runs = atoi(argv[3]);
  double *data = malloc(sizeof(double) * 5 * (size_t)n);
  FILE *file = fopen(argv[1], "rb");
  if (file == NULL || fread(data, sizeof(double), 5 * (size_t)n, file) != 5 * (size_t)n) {
    fprintf(stderr, "cannot read %s\n", argv[1]);
    return 1;
  }
  fclose(file);
  const double *high = data + n, *low = data + 2 * (size_t)n, *close = data + 3 * (size_t)n;
  double *a = malloc(sizeof(double) * (size_t)n), *b = malloc(sizeof(double) * (size_t)n), *c = malloc(sizeof(double) * (size_t)n);
  int beg, count;
  TA_Initialize();
  const char *names[] = {"SMA", "EMA", "RSI", "MACD", "BBANDS", "ATR", "ADX", "STOCH"};
  for (int f = 0; f < 8; f++) {
    double best = 1e300;
    double sum = 0;
    for (int r = 0; r < runs; r++) {
      double t0 = now_ms();
      TA_RetCode rc = TA_SUCCESS;
      switch (f) {
        case 0: rc = TA_SMA(0, n - 1, close, 30, &beg, &count, a); break;
        case 1: rc = TA_EMA(0, n - 1, close, 30, &beg, &count, a); break;
        case 2: rc = TA_RSI(0, n - 1, close, 14, &beg, &count, a); break;
        case 3: rc = TA_MACD(0, n - 1, close, 12, 26, 9, &beg, &count, a, b, c); break;
        case 4: rc = TA_BBANDS(0, n - 1, close, 5, 2.0, 2.0, TA_MAType_SMA, &beg, &count, a, b, c); break;
        case 5: rc = TA_ATR(0, n - 1, high, low, close, 14, &beg, &count, a); break;
        case 6: rc = TA_ADX(0, n - 1, high, low, close, 14, &beg, &count, a); break;
        case 7: rc = TA_STOCH(0, n - 1, high, low, close, 5, 3, TA_MAType_SMA, 3, TA_MAType_SMA, &beg, &count, a, b); break;
      }
      double elapsed = now_ms() - t0;
      if (rc != TA_SUCCESS) {
        fprintf(stderr, "%s failed: %d\n", names[f], rc);
        return 1;
      }
      if (elapsed < best) best = elapsed;
      sum = checksum(a, count);
    }
    printf("{\"name\":\"%s\",\"ms\":%.4f,\"checksum\":%.10e}\n", names[f], best, sum);
  }
  TA_Shutdown();
  return 0;
}
