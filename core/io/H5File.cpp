#include "io/H5File.h"

#include "util/CheckedSize.h"
#include "util/Error.h"

#include <hdf5.h>

#include <algorithm>
#include <numeric>
#include <utility>

namespace cryo {
namespace {

// Silences HDF5's automatic error printing for one call scope (we throw our own messages)
// and restores whatever handler was installed before.
class ErrorSilencer {
public:
    ErrorSilencer()
    {
        H5Eget_auto2(H5E_DEFAULT, &m_func, &m_data);
        H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    }
    ~ErrorSilencer() { H5Eset_auto2(H5E_DEFAULT, m_func, m_data); }

private:
    H5E_auto2_t m_func = nullptr;
    void* m_data = nullptr;
};

// Closes an HDF5 identifier with the matching close function at scope exit.
class Handle {
public:
    using Closer = herr_t (*)(hid_t);
    Handle(hid_t id, Closer closer) : m_id(id), m_closer(closer) {}
    ~Handle() { if (m_id >= 0) m_closer(m_id); }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    Handle(Handle&& o) noexcept : m_id(std::exchange(o.m_id, -1)), m_closer(o.m_closer) {}
    Handle& operator=(Handle&&) = delete;
    hid_t get() const { return m_id; }
    bool valid() const { return m_id >= 0; }

private:
    hid_t m_id;
    Closer m_closer;
};

template <typename T> hid_t nativeType();
template <> hid_t nativeType<float>() { return H5T_NATIVE_FLOAT; }
template <> hid_t nativeType<double>() { return H5T_NATIVE_DOUBLE; }
template <> hid_t nativeType<std::int32_t>() { return H5T_NATIVE_INT32; }
template <> hid_t nativeType<std::int64_t>() { return H5T_NATIVE_INT64; }

Handle linkCreateProperties()
{
    Handle lcpl(H5Pcreate(H5P_LINK_CREATE), H5Pclose);
    H5Pset_create_intermediate_group(lcpl.get(), 1);
    return lcpl;
}

} // namespace

H5File::H5File(const std::filesystem::path& path, Mode mode)
    : m_path(path)
{
    ErrorSilencer silence;
    const bool create = mode == Mode::Create || mode == Mode::CreateAtomic;
    if (mode == Mode::CreateAtomic)
        m_tempPath = path.string() + ".part";
    const std::string name = mode == Mode::CreateAtomic ? m_tempPath.string() : path.string();
    if (create) {
        // The HDF5 1.8 format checksums its metadata (superblock, object headers, B-trees):
        // a damaged file is then refused by HDF5 instead of being misread. h5py reads it.
        Handle access(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
        H5Pset_libver_bounds(access.get(), H5F_LIBVER_V18, H5F_LIBVER_V18);
        m_file = H5Fcreate(name.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, access.get());
    } else
        m_file = H5Fopen(name.c_str(), mode == Mode::ReadOnly ? H5F_ACC_RDONLY : H5F_ACC_RDWR, H5P_DEFAULT);
    if (m_file < 0) {
        // The error stack is per thread (Debian's HDF5 is thread-safe): left on a worker's
        // stack, its messages keep the library from closing at exit ("infinite loop closing library").
        H5Eclear2(H5E_DEFAULT);
        throw FileError(path, create ? "cannot create HDF5 file" : "cannot open as an HDF5 file");
    }
}

H5File::~H5File()
{
    if (m_file >= 0) {
        ErrorSilencer silence;
        H5Fclose(m_file);
        if (!m_tempPath.empty()) {
            std::error_code ec;
            std::filesystem::remove(m_tempPath, ec);   // unfinished: leave nothing behind
        }
    }
}

H5File::H5File(H5File&& o) noexcept
    : m_path(std::move(o.m_path)), m_tempPath(std::move(o.m_tempPath)), m_file(std::exchange(o.m_file, -1))
{
}

H5File& H5File::operator=(H5File&& o) noexcept
{
    std::swap(m_path, o.m_path);
    std::swap(m_tempPath, o.m_tempPath);
    std::swap(m_file, o.m_file);
    return *this;
}

void H5File::close()
{
    if (m_file < 0)
        return;
    ErrorSilencer silence;
    const herr_t status = H5Fclose(m_file);
    m_file = -1;
    if (status < 0)
        throw FileError(m_path, "failed to close (data may not be written)");
    if (!m_tempPath.empty()) {
        std::error_code ec;
        std::filesystem::rename(m_tempPath, m_path, ec);
        if (ec)
            throw FileError(m_path, "cannot rename the finished file into place: " + ec.message());
        m_tempPath.clear();
    }
}

void H5File::fail(const std::string& object, const std::string& problem) const
{
    throw FileError(m_path, object + ": " + problem);
}

void H5File::createGroup(const std::string& name)
{
    if (name.empty() || name == "/" || exists(name))
        return;
    ErrorSilencer silence;
    Handle lcpl = linkCreateProperties();
    Handle group(H5Gcreate2(m_file, name.c_str(), lcpl.get(), H5P_DEFAULT, H5P_DEFAULT), H5Gclose);
    if (!group.valid())
        fail(name, "cannot create group");
}

bool H5File::exists(const std::string& name) const
{
    if (name == "/")
        return true;
    ErrorSilencer silence;
    // Every prefix must exist for H5Lexists to be well defined.
    std::size_t pos = 0;
    while ((pos = name.find('/', pos + 1)) != std::string::npos) {
        if (H5Lexists(m_file, name.substr(0, pos).c_str(), H5P_DEFAULT) <= 0)
            return false;
    }
    return H5Lexists(m_file, name.c_str(), H5P_DEFAULT) > 0;
}

template <typename T>
void H5File::write(const std::string& name, const T* values, const std::vector<std::size_t>& shape)
{
    ErrorSilencer silence;
    std::vector<hsize_t> dims(shape.begin(), shape.end());
    if (dims.empty())
        fail(name, "a dataset needs at least one dimension");
    if (exists(name) && H5Ldelete(m_file, name.c_str(), H5P_DEFAULT) < 0)
        fail(name, "cannot replace the existing dataset");
    Handle space(H5Screate_simple(int(dims.size()), dims.data(), nullptr), H5Sclose);
    Handle lcpl = linkCreateProperties();
    Handle set(H5Dcreate2(m_file, name.c_str(), nativeType<T>(), space.get(), lcpl.get(), H5P_DEFAULT, H5P_DEFAULT),
               H5Dclose);
    if (!set.valid())
        fail(name, "cannot create dataset");
    const std::size_t count = std::accumulate(shape.begin(), shape.end(), std::size_t(1), std::multiplies<>());
    if (count > 0 && H5Dwrite(set.get(), nativeType<T>(), H5S_ALL, H5S_ALL, H5P_DEFAULT, values) < 0)
        fail(name, "cannot write dataset");
}

namespace {

std::string dimensionsText(const std::vector<std::size_t>& dims)
{
    std::string text;
    for (std::size_t i = 0; i < dims.size(); ++i)
        text += (i ? " × " : "") + std::to_string(dims[i]);
    return text.empty() ? "scalar" : text;
}

} // namespace

std::vector<std::size_t> H5File::shape(const std::string& name) const
{
    ErrorSilencer silence;
    Handle set(H5Dopen2(m_file, name.c_str(), H5P_DEFAULT), H5Dclose);
    if (!set.valid())
        fail(name, "no such dataset");
    Handle space(H5Dget_space(set.get()), H5Sclose);
    const int rank = H5Sget_simple_extent_ndims(space.get());
    if (rank < 0 || rank > H5S_MAX_RANK)
        fail(name, "unreadable dataspace");
    std::vector<hsize_t> dims(rank);
    H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
    return {dims.begin(), dims.end()};
}

// A hostile file can declare a dataset of 2^60 values that occupies no bytes (nothing written,
// or a fill value): refuse, before allocating, any dataset whose values could not have come
// from the file. Compressed chunks expand at most ~1032× (deflate's limit); allow that much.
std::size_t H5File::checkedValueCount(const std::string& name, std::int64_t dataset,
                                      const std::vector<std::size_t>& dims) const
{
    const auto count = checkedProductOf(dims);
    const std::size_t typeBytes = [&] {
        Handle type(H5Dget_type(dataset), H5Tclose);
        return type.valid() ? H5Tget_size(type.get()) : 0;
    }();
    const auto bytes = count ? checkedMultiply(*count, std::max<std::size_t>(typeBytes, 1)) : std::nullopt;
    if (!bytes)
        fail(name, "impossibly large dataset (" + dimensionsText(dims) + ")");
    if (*bytes == 0)
        return 0;
    constexpr std::uint64_t kMaxExpansion = 1100;
    const std::uint64_t stored = H5Dget_storage_size(dataset);
    if (stored == 0 || *bytes / kMaxExpansion > stored)
        fail(name, "the dataset (" + dimensionsText(dims) + ") needs " + std::to_string(*bytes) +
                       " bytes, but the file stores " + std::to_string(stored) + " bytes for it");
    return std::size_t(*count);
}

template <typename T>
std::vector<T> H5File::read(const std::string& name, std::vector<std::size_t>* shapeOut) const
{
    const std::vector<std::size_t> dims = shape(name);
    ErrorSilencer silence;
    Handle set(H5Dopen2(m_file, name.c_str(), H5P_DEFAULT), H5Dclose);
    Handle type(H5Dget_type(set.get()), H5Tclose);
    const H5T_class_t typeClass = H5Tget_class(type.get());
    if (typeClass != H5T_INTEGER && typeClass != H5T_FLOAT)
        fail(name, "not a numeric dataset");
    const std::size_t count = checkedValueCount(name, set.get(), dims);
    std::vector<T> values(count);
    if (count > 0 && H5Dread(set.get(), nativeType<T>(), H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0)
        fail(name, "cannot read dataset (truncated file or unconvertible type)");
    if (shapeOut)
        *shapeOut = dims;
    return values;
}

namespace {

// Opens the object an attribute lives on ("/" = the root group).
Handle openObject(hid_t file, const std::string& object)
{
    return Handle(H5Oopen(file, object.empty() ? "/" : object.c_str(), H5P_DEFAULT), H5Oclose);
}

// H5Aread writes every element of the attribute: reading a 1000-element attribute into one
// double would overrun it. Our attributes are single values.
bool holdsOneValue(hid_t attribute)
{
    Handle space(H5Aget_space(attribute), H5Sclose);
    return space.valid() && H5Sget_simple_extent_npoints(space.get()) == 1;
}

void deleteAttributeIfPresent(hid_t object, const std::string& attribute)
{
    if (H5Aexists(object, attribute.c_str()) > 0)
        H5Adelete(object, attribute.c_str());
}

} // namespace

void H5File::setAttribute(const std::string& object, const std::string& attribute, const std::string& value)
{
    ErrorSilencer silence;
    Handle obj = openObject(m_file, object);
    if (!obj.valid())
        fail(object, "no such group or dataset");
    deleteAttributeIfPresent(obj.get(), attribute);
    // Fixed-length UTF-8 (h5py: bytes, .decode() gives the str). Variable-length strings
    // live in HDF5's global heap, which has no checksum, and HDF5 1.10 reads a damaged heap
    // reference past its buffer (a crash in H5HG_read); fixed-length text sits in the
    // checksummed object header.
    Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
    H5Tset_size(type.get(), value.size() + 1);
    H5Tset_strpad(type.get(), H5T_STR_NULLTERM);
    H5Tset_cset(type.get(), H5T_CSET_UTF8);
    Handle space(H5Screate(H5S_SCALAR), H5Sclose);
    Handle attr(H5Acreate2(obj.get(), attribute.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
    if (!attr.valid() || H5Awrite(attr.get(), type.get(), value.c_str()) < 0)
        fail(object, "cannot write attribute '" + attribute + "'");
}

void H5File::setAttribute(const std::string& object, const std::string& attribute, double value)
{
    ErrorSilencer silence;
    Handle obj = openObject(m_file, object);
    if (!obj.valid())
        fail(object, "no such group or dataset");
    deleteAttributeIfPresent(obj.get(), attribute);
    Handle space(H5Screate(H5S_SCALAR), H5Sclose);
    Handle attr(H5Acreate2(obj.get(), attribute.c_str(), H5T_NATIVE_DOUBLE, space.get(), H5P_DEFAULT, H5P_DEFAULT),
                H5Aclose);
    if (!attr.valid() || H5Awrite(attr.get(), H5T_NATIVE_DOUBLE, &value) < 0)
        fail(object, "cannot write attribute '" + attribute + "'");
}

bool H5File::hasAttribute(const std::string& object, const std::string& attribute) const
{
    ErrorSilencer silence;
    Handle obj = openObject(m_file, object);
    return obj.valid() && H5Aexists(obj.get(), attribute.c_str()) > 0;
}

std::string H5File::stringAttribute(const std::string& object, const std::string& attribute) const
{
    ErrorSilencer silence;
    Handle obj = openObject(m_file, object);
    if (!obj.valid() || H5Aexists(obj.get(), attribute.c_str()) <= 0)
        fail(object, "no attribute '" + attribute + "'");
    Handle attr(H5Aopen(obj.get(), attribute.c_str(), H5P_DEFAULT), H5Aclose);
    Handle fileType(H5Aget_type(attr.get()), H5Tclose);
    if (H5Tget_class(fileType.get()) != H5T_STRING || !holdsOneValue(attr.get()))
        fail(object, "attribute '" + attribute + "' is not a string");
    Handle memType(H5Tcopy(H5T_C_S1), H5Tclose);
    H5Tset_cset(memType.get(), H5Tget_cset(fileType.get()));   // HDF5 will not convert ASCII ⇄ UTF-8
    if (H5Tis_variable_str(fileType.get()) > 0) {
        H5Tset_size(memType.get(), H5T_VARIABLE);
        char* text = nullptr;
        if (H5Aread(attr.get(), memType.get(), &text) < 0 || !text)
            fail(object, "cannot read attribute '" + attribute + "'");
        std::string value(text);
        H5free_memory(text);
        return value;
    }
    // Fixed-length string (as some writers use): read size bytes, stop at the first NUL.
    const std::size_t size = H5Tget_size(fileType.get());
    if (size == 0 || size > H5Aget_storage_size(attr.get()))
        fail(object, "attribute '" + attribute + "' declares " + std::to_string(size) +
                         " bytes but the file stores " + std::to_string(H5Aget_storage_size(attr.get())));
    H5Tset_size(memType.get(), size + 1);
    std::string buffer(size + 1, '\0');
    if (H5Aread(attr.get(), memType.get(), buffer.data()) < 0)
        fail(object, "cannot read attribute '" + attribute + "'");
    return std::string(buffer.c_str());
}

double H5File::numberAttribute(const std::string& object, const std::string& attribute) const
{
    ErrorSilencer silence;
    Handle obj = openObject(m_file, object);
    if (!obj.valid() || H5Aexists(obj.get(), attribute.c_str()) <= 0)
        fail(object, "no attribute '" + attribute + "'");
    Handle attr(H5Aopen(obj.get(), attribute.c_str(), H5P_DEFAULT), H5Aclose);
    Handle fileType(H5Aget_type(attr.get()), H5Tclose);
    const H5T_class_t c = H5Tget_class(fileType.get());
    double value = 0;
    if ((c != H5T_INTEGER && c != H5T_FLOAT) || !holdsOneValue(attr.get()) ||
        H5Aread(attr.get(), H5T_NATIVE_DOUBLE, &value) < 0)
        fail(object, "attribute '" + attribute + "' is not a number");
    return value;
}

template void H5File::write<float>(const std::string&, const float*, const std::vector<std::size_t>&);
template void H5File::write<double>(const std::string&, const double*, const std::vector<std::size_t>&);
template void H5File::write<std::int32_t>(const std::string&, const std::int32_t*, const std::vector<std::size_t>&);
template void H5File::write<std::int64_t>(const std::string&, const std::int64_t*, const std::vector<std::size_t>&);
template std::vector<float> H5File::read<float>(const std::string&, std::vector<std::size_t>*) const;
template std::vector<double> H5File::read<double>(const std::string&, std::vector<std::size_t>*) const;
template std::vector<std::int32_t> H5File::read<std::int32_t>(const std::string&, std::vector<std::size_t>*) const;
template std::vector<std::int64_t> H5File::read<std::int64_t>(const std::string&, std::vector<std::size_t>*) const;

} // namespace cryo
