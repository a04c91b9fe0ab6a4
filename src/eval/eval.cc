#include "eval/eval.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cstdio>
#include <filesystem>
#include <map>

namespace dossier {

// Defined in the task files.
std::unique_ptr<EvalTask> MakeNerEvalTask();
std::unique_ptr<EvalTask> MakeExtractEvalTask();
std::unique_ptr<EvalTask> MakeQuotesEvalTask();
std::unique_ptr<EvalTask> MakeTimeEvalTask();
std::unique_ptr<EvalTask> MakeClaimsEvalTask();
std::unique_ptr<EvalTask> MakePosEvalTask();
std::unique_ptr<EvalTask> MakeEventsEvalTask();
std::unique_ptr<EvalTask> MakePubDateEvalTask();
std::unique_ptr<EvalTask> MakeStoriesEvalTask();

const std::vector<std::unique_ptr<EvalTask>>& EvalTasks() {
  static const auto* const kTasks = [] {
    auto* tasks = new std::vector<std::unique_ptr<EvalTask>>();
    tasks->push_back(MakeNerEvalTask());
    tasks->push_back(MakeExtractEvalTask());
    tasks->push_back(MakeQuotesEvalTask());
    tasks->push_back(MakeTimeEvalTask());
    tasks->push_back(MakeClaimsEvalTask());
    tasks->push_back(MakePosEvalTask());
    tasks->push_back(MakeEventsEvalTask());
    tasks->push_back(MakePubDateEvalTask());
    tasks->push_back(MakeStoriesEvalTask());
    return tasks;
  }();
  return *kTasks;
}

const EvalTask* FindEvalTask(std::string_view name) {
  for (const auto& t : EvalTasks()) {
    if (t->name() == name) return t.get();
  }
  return nullptr;
}

const double* EvalReport::Find(std::string_view key) const {
  for (const EvalMetric& m : metrics) {
    if (m.key == key) return &m.value;
  }
  return nullptr;
}

void Prf::AddTo(EvalReport& report, const std::string& prefix) const {
  report.Add(prefix + "precision", Precision());
  report.Add(prefix + "recall", Recall());
  report.Add(prefix + "f1", F1());
}

std::string FormatEvalTable(const EvalReport& report) {
  size_t width = 6;
  for (const EvalMetric& m : report.metrics) width = std::max(width, m.key.size());
  std::string out = "task: " + report.task + "\ndata: " + report.data + "\n\n";
  char line[256];
  std::snprintf(line, sizeof line, "%-*s  %12s\n", static_cast<int>(width),
                "metric", "value");
  out += line;
  out += std::string(width + 14, '-') + "\n";
  for (const EvalMetric& m : report.metrics) {
    bool integral = m.value == static_cast<double>(static_cast<long long>(m.value)) &&
                    m.value > 1;
    if (integral) {
      std::snprintf(line, sizeof line, "%-*s  %12.0f\n", static_cast<int>(width),
                    m.key.c_str(), m.value);
    } else {
      std::snprintf(line, sizeof line, "%-*s  %12.4f\n", static_cast<int>(width),
                    m.key.c_str(), m.value);
    }
    out += line;
  }
  for (const std::string& n : report.notes) out += "\nnote: " + n;
  if (!report.notes.empty()) out += "\n";
  return out;
}

std::string FormatEvalJson(const EvalReport& report) {
  rapidjson::Document d(rapidjson::kObjectType);
  auto& alloc = d.GetAllocator();
  d.AddMember("task", rapidjson::Value(report.task.c_str(), alloc), alloc);
  d.AddMember("data", rapidjson::Value(report.data.c_str(), alloc), alloc);
  for (const EvalMetric& m : report.metrics) {
    rapidjson::Value* node = &d;
    size_t start = 0;
    while (true) {
      size_t dot = m.key.find('.', start);
      std::string part = m.key.substr(start, dot == std::string::npos
                                                 ? std::string::npos
                                                 : dot - start);
      auto it = node->FindMember(part.c_str());
      if (dot == std::string::npos) {
        if (it != node->MemberEnd()) {
          it->value.SetDouble(m.value);
        } else {
          node->AddMember(rapidjson::Value(part.c_str(), alloc),
                          rapidjson::Value(m.value), alloc);
        }
        break;
      }
      if (it == node->MemberEnd() || !it->value.IsObject()) {
        if (it != node->MemberEnd()) {
          it->value.SetObject();
          node = &it->value;
        } else {
          node->AddMember(rapidjson::Value(part.c_str(), alloc),
                          rapidjson::Value(rapidjson::kObjectType), alloc);
          node = &(*node)[part.c_str()];
        }
      } else {
        node = &it->value;
      }
      start = dot + 1;
    }
  }
  rapidjson::StringBuffer sb;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(sb);
  w.SetIndent(' ', 2);
  d.Accept(w);
  return std::string(sb.GetString(), sb.GetSize()) + "\n";
}

StatusOr<std::vector<Floor>> ParseFloors(std::string_view json) {
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  if (d.HasParseError() || !d.IsObject() || !d.HasMember("floors") ||
      !d["floors"].IsArray()) {
    return Status(ErrorCode::kInvalidArgument,
                  "floors file must be an object with a \"floors\" array");
  }
  std::vector<Floor> floors;
  for (const auto& f : d["floors"].GetArray()) {
    if (!f.IsObject() || !f.HasMember("task") || !f["task"].IsString() ||
        !f.HasMember("data") || !f["data"].IsString() ||
        !f.HasMember("min") || !f["min"].IsObject()) {
      return Status(ErrorCode::kInvalidArgument,
                    "each floor needs \"task\", \"data\" and a \"min\" object");
    }
    Floor floor;
    floor.task = f["task"].GetString();
    floor.data = f["data"].GetString();
    for (const auto& m : f["min"].GetObject()) {
      if (!m.value.IsNumber()) {
        return Status(ErrorCode::kInvalidArgument,
                      "floor values must be numbers");
      }
      floor.minimums.push_back({m.name.GetString(), m.value.GetDouble()});
    }
    floors.push_back(std::move(floor));
  }
  return floors;
}

StatusOr<std::vector<FloorCheck>> CheckFloors(const std::vector<Floor>& floors,
                                              const std::string& shared_dir,
                                              const EvalOptions& opts) {
  std::vector<FloorCheck> checks;
  for (const Floor& f : floors) {
    const EvalTask* task = FindEvalTask(f.task);
    if (task == nullptr) {
      return Status(ErrorCode::kNotFound, "floor names unknown task '" + f.task + "'");
    }
    std::string path = shared_dir + "/" + f.data;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      for (const EvalMetric& m : f.minimums) {
        checks.push_back({f.task, m.key, m.value, 0, true});
      }
      continue;
    }
    StatusOr<EvalReport> report = task->Run(path, opts);
    if (!report.ok()) return report.status().WithContext("eval " + f.task);
    for (const EvalMetric& m : f.minimums) {
      const double* v = report->Find(m.key);
      if (v == nullptr) {
        return Status(ErrorCode::kNotFound, "task '" + f.task +
                                                "' reports no metric '" +
                                                m.key + "'");
      }
      checks.push_back({f.task, m.key, m.value, *v, false});
    }
  }
  return checks;
}

}  // namespace dossier
