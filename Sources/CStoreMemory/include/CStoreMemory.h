// Page-level memory for the store's large buffers (Sources/ValleyEngine/Store/StoreMemory.swift).
// Swift cannot call mremap: Glibc declares it only under _GNU_SOURCE, and it is variadic.
#ifndef VALLEY_STORE_MEMORY_H
#define VALLEY_STORE_MEMORY_H

#include <stddef.h>

/// Resizes the private anonymous mapping of `old_size` bytes at `address` to `new_size` bytes
/// (both multiples of the page size), moving it if needed without copying its pages; bytes
/// past `old_size` read as zero. Returns the new address, or NULL where the system cannot
/// (then the caller maps new memory and copies).
void *valley_remap_pages(void *address, size_t old_size, size_t new_size);

#endif
