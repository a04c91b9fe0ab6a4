// The knowledge base that ships with dossier (data/kb/*.jsonl), compiled
// into the binary so that it works wherever the binary is copied.
//
// BuiltinKnowledgeBase() loads the embedded files once (thread-safe, on
// first use) and returns the shared immutable index; an error means the
// shipped data does not load (a build problem: kb_test/data_test catch it).
// LoadKnowledgeBase(extra) loads the built-in files followed by the user's
// own (`--kb FILE`); a user record with the id of a built-in one replaces it.
#ifndef DOSSIER_KB_BUILTIN_H_
#define DOSSIER_KB_BUILTIN_H_

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "kb/kb.h"

namespace dossier::kb {

StatusOr<std::shared_ptr<const KnowledgeBase>> BuiltinKnowledgeBase();

StatusOr<std::shared_ptr<const KnowledgeBase>> LoadKnowledgeBase(
    const std::vector<std::string>& extra_paths);

// The embedded files as (name, text), in file-name order.
std::vector<KnowledgeBase::Source> BuiltinSources();

}  // namespace dossier::kb

#endif  // DOSSIER_KB_BUILTIN_H_
