#include "cli/cli.h"

int main(int argc, char** argv) { return dossier::Main(argc, argv); }
