/*
 * Times TA-Lib's 61 candlestick-pattern functions on the same input as Alphintra's kernels.
 * Usage: patterns-harness <input.f64> <bars> <runs>
 * The input file holds five little-endian float64 columns (open, high, low, close, volume)
 * of <bars> values each. Prints one JSON line per function: best wall time in ms, the first
 * output index and the sum of the signals, so results can be checked against Alphintra's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "ta_libc.h"

typedef TA_RetCode (*Plain)(int, int, const double *, const double *, const double *, const double *, int *, int *,
                            int *);
typedef TA_RetCode (*Penetrating)(int, int, const double *, const double *, const double *, const double *, double,
                                  int *, int *, int *);

struct Pattern {
  const char *name;
  Plain plain;
  Penetrating penetrating;
  double penetration;
};

#define PLAIN(NAME) {#NAME, TA_##NAME, NULL, 0}
#define PENETRATING(NAME, P) {#NAME, NULL, TA_##NAME, P}

static const struct Pattern PATTERNS[] = {
    PLAIN(CDL2CROWS), PLAIN(CDL3BLACKCROWS), PLAIN(CDL3INSIDE), PLAIN(CDL3LINESTRIKE), PLAIN(CDL3OUTSIDE),
    PLAIN(CDL3STARSINSOUTH), PLAIN(CDL3WHITESOLDIERS), PENETRATING(CDLABANDONEDBABY, 0.3), PLAIN(CDLADVANCEBLOCK),
    PLAIN(CDLBELTHOLD), PLAIN(CDLBREAKAWAY), PLAIN(CDLCLOSINGMARUBOZU), PLAIN(CDLCONCEALBABYSWALL),
    PLAIN(CDLCOUNTERATTACK), PENETRATING(CDLDARKCLOUDCOVER, 0.5), PLAIN(CDLDOJI), PLAIN(CDLDOJISTAR),
    PLAIN(CDLDRAGONFLYDOJI), PLAIN(CDLENGULFING), PENETRATING(CDLEVENINGDOJISTAR, 0.3),
    PENETRATING(CDLEVENINGSTAR, 0.3), PLAIN(CDLGAPSIDESIDEWHITE), PLAIN(CDLGRAVESTONEDOJI), PLAIN(CDLHAMMER),
    PLAIN(CDLHANGINGMAN), PLAIN(CDLHARAMI), PLAIN(CDLHARAMICROSS), PLAIN(CDLHIGHWAVE), PLAIN(CDLHIKKAKE),
    PLAIN(CDLHIKKAKEMOD), PLAIN(CDLHOMINGPIGEON), PLAIN(CDLIDENTICAL3CROWS), PLAIN(CDLINNECK),
    PLAIN(CDLINVERTEDHAMMER), PLAIN(CDLKICKING), PLAIN(CDLKICKINGBYLENGTH), PLAIN(CDLLADDERBOTTOM),
    PLAIN(CDLLONGLEGGEDDOJI), PLAIN(CDLLONGLINE), PLAIN(CDLMARUBOZU), PLAIN(CDLMATCHINGLOW),
    PENETRATING(CDLMATHOLD, 0.5), PENETRATING(CDLMORNINGDOJISTAR, 0.3), PENETRATING(CDLMORNINGSTAR, 0.3),
    PLAIN(CDLONNECK), PLAIN(CDLPIERCING), PLAIN(CDLRICKSHAWMAN), PLAIN(CDLRISEFALL3METHODS),
    PLAIN(CDLSEPARATINGLINES), PLAIN(CDLSHOOTINGSTAR), PLAIN(CDLSHORTLINE), PLAIN(CDLSPINNINGTOP),
    PLAIN(CDLSTALLEDPATTERN), PLAIN(CDLSTICKSANDWICH), PLAIN(CDLTAKURI), PLAIN(CDLTASUKIGAP), PLAIN(CDLTHRUSTING),
    PLAIN(CDLTRISTAR), PLAIN(CDLUNIQUE3RIVER), PLAIN(CDLUPSIDEGAP2CROWS), PLAIN(CDLXSIDEGAP3METHODS),
};

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: patterns-harness <input.f64> <bars> <runs>\n");
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
  const double *open = data, *high = data + n, *low = data + 2 * (size_t)n, *close = data + 3 * (size_t)n;
  int *out = malloc(sizeof(int) * (size_t)n);
  int beg = 0, count = 0;
  TA_Initialize();
  for (size_t f = 0; f < sizeof(PATTERNS) / sizeof(PATTERNS[0]); f++) {
    const struct Pattern *p = &PATTERNS[f];
    double best = 1e300;
    long long sum = 0;
    for (int r = 0; r < runs; r++) {
      double t0 = now_ms();
      TA_RetCode rc = p->plain != NULL
                          ? p->plain(0, n - 1, open, high, low, close, &beg, &count, out)
                          : p->penetrating(0, n - 1, open, high, low, close, p->penetration, &beg, &count, out);
      double elapsed = now_ms() - t0;
      if (rc != TA_SUCCESS) {
        fprintf(stderr, "%s failed: %d\n", p->name, rc);
        return 1;
      }
      if (elapsed < best) best = elapsed;
      sum = 0;
      for (int i = 0; i < count; i++) sum += out[i];
    }
    printf("{\"name\":\"%s\",\"ms\":%.4f,\"begin\":%d,\"checksum\":%lld}\n", p->name, best, beg, sum);
  }
  TA_Shutdown();
  return 0;
}
