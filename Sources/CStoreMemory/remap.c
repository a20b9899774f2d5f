// See include/CStoreMemory.h.
#if defined(__linux__)
#define _GNU_SOURCE
#include <sys/mman.h>
#endif

#include "CStoreMemory.h"

void *valley_remap_pages(void *address, size_t old_size, size_t new_size) {
#if defined(__linux__)
  void *moved = mremap(address, old_size, new_size, MREMAP_MAYMOVE);
  return moved == MAP_FAILED ? NULL : moved;
#else
  (void)address;
  (void)old_size;
  (void)new_size;
  return NULL;
#endif
}
