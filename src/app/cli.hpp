// Entry point of the storyloom binary's command line (ARCHITECTURE.md, "One binary, three roles").
#pragma once

namespace storyloom::app {

// Parses the arguments and runs the chosen sub-command; returns the process exit code
// (2 for a bad command line or configuration).
int run_cli(int argc, char** argv);

}  // namespace storyloom::app
