// Test-only helper: a tiny invented CoNLL corpus (made-up names, written
// for these tests) in IOB2, and a way to build it in IOB1.
#ifndef DOSSIER_NER_TEST_CORPUS_H_
#define DOSSIER_NER_TEST_CORPUS_H_

#include <string>

namespace dossier {
namespace ner_test {

// Each line: "word NER"; blank lines end sentences; -DOCSTART- documents.
inline std::string TinyCorpus() {
  return R"(-DOCSTART- O

Mara B-PER
Velden I-PER
visited O
Norland B-LOC
on O
Monday O
. O

The O
Kestrel B-ORG
Bank I-ORG
said O
Velden B-PER
agreed O
. O

Norlandic B-MISC
farmers O
met O
in O
Port B-LOC
Avel I-LOC
. O

-DOCSTART- O

Tobin B-PER
Asker I-PER
joined O
Vantor B-ORG
Group I-ORG
in O
Port B-LOC
Avel I-LOC
. O

Asker B-PER
said O
the O
Quell B-MISC
Cup I-MISC
starts O
today O
. O

Vantor B-ORG
shares O
rose O
in O
Norland B-LOC
. O
)";
}

}  // namespace ner_test
}  // namespace dossier

#endif  // DOSSIER_NER_TEST_CORPUS_H_
