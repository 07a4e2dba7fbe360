// SPDX-License-Identifier: Apache-2.0
// An allocator for large numeric columns that are filled right after they are sized:
// resize() leaves new elements uninitialised instead of zeroing them, so the threads that
// write the values are the first to touch the memory (zeroing first would walk every page
// once more, on one thread). Blocks of 4 MiB or more are aligned to 2 MiB and offered to the
// kernel as transparent huge pages, which cuts page faults 512-fold where it allows them.
// Only for trivially constructible element types.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace centric {

template <typename T>
class ColumnAllocator {
 public:
  static_assert(std::is_trivially_default_constructible_v<T>);
  using value_type = T;

  ColumnAllocator() = default;
  template <typename U>
  ColumnAllocator(const ColumnAllocator<U>&) noexcept {}

  T* allocate(size_t n) {
    constexpr size_t kHugePage = size_t{2} << 20;
    const size_t bytes = n * sizeof(T);
    void* p = nullptr;
    if (bytes >= 2 * kHugePage) {
      p = std::aligned_alloc(kHugePage, (bytes + kHugePage - 1) / kHugePage * kHugePage);
      if (p) (void)::madvise(p, bytes, MADV_HUGEPAGE);
    } else {
      p = std::malloc(bytes ? bytes : 1);
    }
    if (!p) throw std::bad_alloc();
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t) noexcept { std::free(p); }

  // Value-less construction is default-initialisation: no zeroing.
  template <typename U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }

  template <typename U>
  bool operator==(const ColumnAllocator<U>&) const noexcept {
    return true;
  }
};

// A column: a std::vector whose resize() does not zero.
template <typename T>
using Column = std::vector<T, ColumnAllocator<T>>;

}  // namespace centric
