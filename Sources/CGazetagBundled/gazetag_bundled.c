// The bundled gazetteer, compiled: bundled-gazetteer.gzc beside this file, which
// Scripts/embed-gazetteer.sh writes from gazetteer/ (a test fails while it is stale). #embed
// puts its bytes into the binary at compile time, without a generated source file.
#include "gazetag_bundled.h"

#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wc23-extensions"
static const unsigned char bundled[] __attribute__((aligned(8))) = {
#embed "bundled-gazetteer.gzc"
};
#pragma clang diagnostic pop

const unsigned char *gz_bundled_gazetteer(size_t *size) {
  *size = sizeof bundled;
  return bundled;
}
