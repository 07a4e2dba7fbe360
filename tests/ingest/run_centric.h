// SPDX-License-Identifier: Apache-2.0
// Runs the real `centric` executable (path compiled in as CENTRIC_BINARY) as a child process,
// for tests of exit codes, messages and crashes.
#pragma once

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "test_files.h"

namespace centric::ingest::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Starts `centric args...` with stdout and stderr sent to files in `dir`; returns its pid.
inline pid_t StartCentric(const ScratchDir& dir, const std::vector<std::string>& args) {
  std::string out = dir.Path("stdout.txt"), err = dir.Path("stderr.txt");
  pid_t pid = ::fork();
  if (pid == 0) {
    int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(o, STDOUT_FILENO);
    ::dup2(e, STDERR_FILENO);
    std::vector<char*> argv;
    std::string binary = CENTRIC_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

inline RunResult RunCentric(const ScratchDir& dir, const std::vector<std::string>& args) {
  pid_t pid = StartCentric(dir, args);
  int status = 0;
  ::waitpid(pid, &status, 0);
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(dir.Path("stdout.txt"));
  r.err = ReadFile(dir.Path("stderr.txt"));
  return r;
}

}  // namespace centric::ingest::testing
