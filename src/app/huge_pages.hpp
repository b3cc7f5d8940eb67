// Big picture buffers on transparent huge pages: the process starts itself again, once, with the
// glibc setting that asks for them (docs/book-engine.md, "where a book's CPU goes").
#pragma once

namespace storyloom::app {

// Returns only when the process already runs with the setting, under a sanitizer (its allocator
// ignores glibc's settings), or when starting again failed; otherwise the process image is
// replaced (same pid, arguments, environment plus the setting, open files).
void restart_with_huge_pages(char** argv);

}  // namespace storyloom::app
