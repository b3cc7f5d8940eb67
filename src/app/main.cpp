// storyloom: one binary, several roles (ARCHITECTURE.md, "One binary, three roles").
#include "app/cli.hpp"

int main(int argc, char** argv) { return storyloom::app::run_cli(argc, argv); }
