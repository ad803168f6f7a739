#ifndef GAZETAG_BUNDLED_H
#define GAZETAG_BUNDLED_H

#include <stddef.h>

/// The bundled gazetteer, compiled (the file `gazetag gazetteer compile` writes), embedded in
/// the binary. Returns a pointer to its bytes, which live as long as the program and must not
/// be freed, and stores their count in `*size`.
const unsigned char *gz_bundled_gazetteer(size_t *size);

#endif
