/* Reference generators and plain C parsers for the formats Interphase reads, to measure how close
 * its whole-process speed comes to a fixed-format C reader on this machine. Each parser mmaps the
 * file, parses every coordinate with a hand-written scanner and prints a checksum.
 * usage: formats gen  cp2k|extxyz|lammps OUT FRAMES   (416 atoms, Li6PS5Cl-like, random walk)
 *        formats parse cp2k|extxyz|lammps FILE */
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static unsigned long long s = 88172645463325252ULL;
static double u(void) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return (s >> 11) * (1.0 / 9007199254740992.0); }
static const char *el(int i) { return i < 192 ? "Li" : i < 224 ? "P" : i < 384 ? "S" : "Cl"; }

static int gen(const char *fmt, const char *out, int frames) {
    FILE *f = fopen(out, "w"); int n = 416; double L = 19.72; double *p = malloc(sizeof(double) * 3 * n);
    for (int i = 0; i < 3 * n; i++) p[i] = u();
    for (int k = 0; k < frames; k++) {
        for (int i = 0; i < n; i++) {
            double step = i < 192 ? 0.004 : 0.0008;
            for (int d = 0; d < 3; d++) { double x = p[3 * i + d] + step * (u() + u() + u() - 1.5); p[3 * i + d] = x - floor(x); }
        }
        if (!strcmp(fmt, "cp2k")) {
            fprintf(f, "%8d\n i = %8d, time = %12.3f, E = %22.10f\n", n, k, 2.0 * k, -2345.678 + 1e-4 * k);
            for (int i = 0; i < n; i++) fprintf(f, " %-2s %19.10f %19.10f %19.10f\n", el(i), L * p[3*i], L * p[3*i+1], L * p[3*i+2]);
        } else if (!strcmp(fmt, "extxyz")) {
            fprintf(f, "%d\nLattice=\"%.6f 0.0 0.0 0.0 %.6f 0.0 0.0 0.0 %.6f\" Properties=species:S:1:pos:R:3 Time=%.3f pbc=\"T T T\"\n", n, L, L, L, 2.0 * k);
            for (int i = 0; i < n; i++) fprintf(f, "%-2s %15.8f %15.8f %15.8f\n", el(i), L * p[3*i], L * p[3*i+1], L * p[3*i+2]);
        } else {
            fprintf(f, "ITEM: TIMESTEP\n%d\nITEM: NUMBER OF ATOMS\n%d\nITEM: BOX BOUNDS pp pp pp\n0 %.6f\n0 %.6f\n0 %.6f\nITEM: ATOMS id element x y z\n", 2 * k, n, L, L, L);
            for (int i = 0; i < n; i++) fprintf(f, "%d %s %.6f %.6f %.6f\n", i + 1, el(i), L * p[3*i], L * p[3*i+1], L * p[3*i+2]);
        }
    }
    fclose(f); return 0;
}

static const char *c, *end;
static double num(void) {
    while (c < end && (*c == ' ' || *c == '\n')) c++;
    int neg = 0; if (*c == '-') { neg = 1; c++; }
    long ip = 0; while (c < end && *c >= '0' && *c <= '9') ip = ip * 10 + (*c++ - '0');
    double v = (double)ip;
    if (c < end && *c == '.') { c++; long fp = 0; long sc = 1; while (c < end && *c >= '0' && *c <= '9') { fp = fp * 10 + (*c++ - '0'); sc *= 10; } v += (double)fp / sc; }
    return neg ? -v : v;
}
static void skipline(void) { while (c < end && *c != '\n') c++; if (c < end) c++; }
static void skipword(void) { while (c < end && *c == ' ') c++; while (c < end && *c != ' ' && *c != '\n') c++; }

static int parse(const char *fmt, const char *path) {
    int fd = open(path, O_RDONLY); struct stat st; fstat(fd, &st);
    c = mmap(0, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0); end = c + st.st_size;
    double sum = 0; long frames = 0; int n = 0;
    while (c < end) {
        if (!strcmp(fmt, "lammps")) {
            skipline(); skipline(); skipline(); n = (int)num(); skipline();
            for (int k = 0; k < 5; k++) skipline();
            for (int i = 0; i < n; i++) { skipword(); skipword(); for (int d = 0; d < 3; d++) sum += num(); skipline(); }
        } else {
            n = (int)num(); skipline(); skipline();
            for (int i = 0; i < n; i++) { skipword(); for (int d = 0; d < 3; d++) sum += num(); skipline(); }
        }
        frames++;
        while (c < end && (*c == '\n' || *c == ' ')) c++;
    }
    printf("atoms %d frames %ld checksum %.6f\n", n, frames, sum);
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 5 && !strcmp(argv[1], "gen")) return gen(argv[2], argv[3], atoi(argv[4]));
    if (argc == 4 && !strcmp(argv[1], "parse")) return parse(argv[2], argv[3]);
    fprintf(stderr, "usage: formats gen cp2k|extxyz|lammps OUT FRAMES | formats parse cp2k|extxyz|lammps FILE\n");
    return 2;
}
