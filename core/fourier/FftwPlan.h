#pragma once
// Small RAII pieces over FFTW's single-precision API.
//
// Plans are created once (FFTW_ESTIMATE, so that the chosen algorithm -- and therefore
// every result bit -- is the same on every run) and executed many times with the
// new-array execute functions, which FFTW documents as thread-safe. Plan creation and
// destruction are NOT thread-safe in FFTW; they are serialised by fftwPlannerMutex().
#include <fftw3.h>

#include <complex>
#include <cstddef>
#include <mutex>

namespace cryo {

// FFTW's planner is process-wide state inside the FFTW library itself, so the lock that
// guards it has to be process-wide too (the one deliberate exception to "no globals").
std::mutex& fftwPlannerMutex();

// An fftwf_malloc'ed array (SIMD-aligned, as the plans expect) of T.
template <typename T>
class FftwBuffer {
public:
    FftwBuffer() = default;
    explicit FftwBuffer(std::size_t count)
        : m_data(static_cast<T*>(fftwf_malloc(sizeof(T) * (count ? count : 1)))), m_size(count)
    {
        if (!m_data)
            throw std::bad_alloc();
    }
    ~FftwBuffer() { fftwf_free(m_data); }
    FftwBuffer(FftwBuffer&& o) noexcept : m_data(o.m_data), m_size(o.m_size) { o.m_data = nullptr; o.m_size = 0; }
    FftwBuffer& operator=(FftwBuffer&& o) noexcept
    {
        std::swap(m_data, o.m_data);
        std::swap(m_size, o.m_size);
        return *this;
    }
    FftwBuffer(const FftwBuffer&) = delete;
    FftwBuffer& operator=(const FftwBuffer&) = delete;

    T* data() { return m_data; }
    const T* data() const { return m_data; }
    std::size_t size() const { return m_size; }
    T& operator[](std::size_t i) { return m_data[i]; }
    const T& operator[](std::size_t i) const { return m_data[i]; }

private:
    T* m_data = nullptr;
    std::size_t m_size = 0;
};

using Complex = std::complex<float>;   // layout-compatible with fftwf_complex

// Owns one fftwf_plan; destroys it under the planner lock.
class FftwPlan {
public:
    FftwPlan() = default;
    explicit FftwPlan(fftwf_plan plan) : m_plan(plan) {}
    ~FftwPlan();
    FftwPlan(FftwPlan&& o) noexcept : m_plan(o.m_plan) { o.m_plan = nullptr; }
    FftwPlan& operator=(FftwPlan&& o) noexcept { std::swap(m_plan, o.m_plan); return *this; }
    FftwPlan(const FftwPlan&) = delete;
    FftwPlan& operator=(const FftwPlan&) = delete;

    fftwf_plan get() const { return m_plan; }

private:
    fftwf_plan m_plan = nullptr;
};

// Real-to-complex (forward) and complex-to-real (inverse, unnormalised) plans for an
// array of rank 2 or 3 with dims {ny, nx} or {nz, ny, nx} (x fastest); the complex side
// holds the non-redundant half, dims {..., nx/2 + 1}.
FftwPlan makeRealForwardPlan(int rank, const int* dims);
FftwPlan makeRealInversePlan(int rank, const int* dims);

inline fftwf_complex* asFftw(Complex* c) { return reinterpret_cast<fftwf_complex*>(c); }

} // namespace cryo
