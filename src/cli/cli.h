// The `dossier` command line: the only part of dossier that talks to people.
//
// Main() parses arguments (CLI11), runs a subcommand (analyze, eval, bench,
// version) and returns the process exit code:
//   0  everything worked
//   1  the run finished but some inputs failed (outputs still written)
//   2  usage error (bad option, unknown task)
//   3  fatal error (nothing written)
// Not thread-safe (writes to stdout/stderr).
#ifndef DOSSIER_CLI_CLI_H_
#define DOSSIER_CLI_CLI_H_

namespace dossier {

int Main(int argc, char** argv);

}  // namespace dossier

#endif  // DOSSIER_CLI_CLI_H_
