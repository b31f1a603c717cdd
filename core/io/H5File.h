#pragma once
// A small RAII wrapper over the HDF5 C API for our own files (truth.h5, run.h5, sessions):
// groups, N-dimensional datasets of float32/float64/int32/int64 (row-major, C order, as
// h5py and NumPy see them) and string / number attributes. Every failure throws
// cryo::FileError naming the file and the object ("truth.h5: /rotations: ...").
// Not thread-safe (Debian's HDF5 is built without thread-safety): one thread per file.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace cryo {

class H5File {
public:
    enum class Mode {
        Create,        // new file, truncating an existing one
        CreateAtomic,  // new file written as "<path>.part", renamed to path by close();
                       // destroyed without close() it is removed (never a half file)
        ReadOnly,
        ReadWrite,  // existing file
    };

    H5File(const std::filesystem::path& path, Mode mode);
    ~H5File();
    H5File(H5File&& other) noexcept;
    H5File& operator=(H5File&& other) noexcept;
    H5File(const H5File&) = delete;
    H5File& operator=(const H5File&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    // Flushes and closes (also done by the destructor, which cannot report errors);
    // for CreateAtomic also renames the finished file into place.
    void close();

    // Creates a group and any missing parents ("/a/b/c"); no-op if it exists.
    void createGroup(const std::string& name);
    // True if a group or dataset of that path exists.
    bool exists(const std::string& name) const;

    // Writes a dataset of the given shape (product of shape == number of values);
    // parents are created; an existing dataset of that name is replaced.
    template <typename T>
    void write(const std::string& name, const T* values, const std::vector<std::size_t>& shape);
    template <typename T>
    void write(const std::string& name, const std::vector<T>& values, const std::vector<std::size_t>& shape)
    {
        write(name, values.data(), shape);
    }

    // The dataset's shape.
    std::vector<std::size_t> shape(const std::string& name) const;
    // Reads a dataset, converting to T (HDF5 converts between numeric types).
    template <typename T>
    std::vector<T> read(const std::string& name, std::vector<std::size_t>* shapeOut = nullptr) const;

    // Attributes on a group or dataset ("/" for the file itself); replaced if present.
    void setAttribute(const std::string& object, const std::string& attribute, const std::string& value);
    void setAttribute(const std::string& object, const std::string& attribute, double value);
    std::string stringAttribute(const std::string& object, const std::string& attribute) const;
    double numberAttribute(const std::string& object, const std::string& attribute) const;
    bool hasAttribute(const std::string& object, const std::string& attribute) const;

private:
    [[noreturn]] void fail(const std::string& object, const std::string& problem) const;
    std::size_t checkedValueCount(const std::string& name, std::int64_t dataset,
                                  const std::vector<std::size_t>& dims) const;

    std::filesystem::path m_path;
    std::filesystem::path m_tempPath;   // CreateAtomic only
    std::int64_t m_file = -1;           // hid_t
};

} // namespace cryo
