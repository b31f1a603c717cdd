#pragma once
// Errors that reach the user. Every message names the file and what is wrong
// ("particles.star, row 12: ..."), so the CLI can print it and the GUI can show it as is.
#include <filesystem>
#include <stdexcept>
#include <string>

namespace cryo {

// Bad input: a file that is missing, truncated, malformed or inconsistent.
class FileError : public std::runtime_error {
public:
    FileError(const std::filesystem::path& file, const std::string& problem)
        : std::runtime_error(file.string() + ": " + problem), m_file(file), m_problem(problem) {}
    const std::filesystem::path& file() const { return m_file; }
    const std::string& problem() const { return m_problem; }

private:
    std::filesystem::path m_file;
    std::string m_problem;
};

// A request that cannot be honoured (bad option value, out-of-range index, ...).
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace cryo
