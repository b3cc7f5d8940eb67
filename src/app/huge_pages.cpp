#include "app/huge_pages.hpp"

#include <unistd.h>

#include <cstdlib>
#include <string>

namespace storyloom::app {

// A print page is 3075 x 3075 RGBA, 38 MB; a book allocates and frees a few of those per page
// (Cairo's copy of the drawing, the picture itself, pages decoded between pipeline jobs). glibc
// maps each one fresh, and the first touch of every 4 KB page is a fault: half of a book's CPU
// time went to faulting and clearing pages. With glibc.malloc.hugetlb=1 glibc asks the kernel for transparent huge pages for such
// mappings (2 MB at a time), which took a 10-page book from 6.2 to 4.2 CPU-seconds here.
// glibc reads GLIBC_TUNABLES once, before main(), so the only way to set it is to start again.
void restart_with_huge_pages(char** argv) {
#if defined(__SANITIZE_ADDRESS__)
  (void)argv;
#else
  constexpr const char* kSetting = "glibc.malloc.hugetlb=1";
  const char* current = std::getenv("GLIBC_TUNABLES");
  std::string tunables = current ? current : "";
  if (tunables.find("glibc.malloc.hugetlb") != std::string::npos) return;  // set: by us, or chosen by the operator
  tunables += tunables.empty() ? kSetting : std::string(":") + kSetting;
  if (setenv("GLIBC_TUNABLES", tunables.c_str(), 1) != 0) return;
  // The binary by its own path, so the process keeps its name ("storyloom" in ps and top, not
  // "exe"); /proc/self/exe itself when that path is gone (replaced by an upgrade, say).
  char path[4096];
  const ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
  if (length > 0) {
    path[length] = '\0';
    execv(path, argv);
  }
  execv("/proc/self/exe", argv);
  // Still here: exec failed (no /proc, say). Run as we are, and keep the environment as it was.
  if (current) setenv("GLIBC_TUNABLES", current, 1);
  else unsetenv("GLIBC_TUNABLES");
#endif
}

}  // namespace storyloom::app
