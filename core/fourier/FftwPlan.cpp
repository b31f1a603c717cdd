#include "fourier/FftwPlan.h"

#include "util/Error.h"

#include <functional>

namespace cryo {

std::mutex& fftwPlannerMutex()
{
    static std::mutex mutex;
    return mutex;
}

FftwPlan::~FftwPlan()
{
    if (m_plan) {
        std::lock_guard lock(fftwPlannerMutex());
        fftwf_destroy_plan(m_plan);
    }
}

namespace {

std::size_t realCount(int rank, const int* dims)
{
    std::size_t n = 1;
    for (int i = 0; i < rank; ++i)
        n *= std::size_t(dims[i]);
    return n;
}

std::size_t halfComplexCount(int rank, const int* dims)
{
    return realCount(rank, dims) / std::size_t(dims[rank - 1]) * std::size_t(dims[rank - 1] / 2 + 1);
}

void checkDims(int rank, const int* dims)
{
    if (rank < 1 || rank > 3)
        throw UsageError("FFT: rank must be 1-3");
    for (int i = 0; i < rank; ++i) {
        if (dims[i] <= 0)
            throw UsageError("FFT: dimensions must be positive");
    }
}

} // namespace

FftwPlan makeRealForwardPlan(int rank, const int* dims)
{
    checkDims(rank, dims);
    // Scratch arrays only give FFTW the alignment; FFTW_ESTIMATE does not touch them.
    FftwBuffer<float> in(realCount(rank, dims));
    FftwBuffer<Complex> out(halfComplexCount(rank, dims));
    std::lock_guard lock(fftwPlannerMutex());
    fftwf_plan p = fftwf_plan_dft_r2c(rank, dims, in.data(), asFftw(out.data()), FFTW_ESTIMATE);
    if (!p)
        throw UsageError("FFTW could not create a forward plan");
    return FftwPlan(p);
}

FftwPlan makeRealInversePlan(int rank, const int* dims)
{
    checkDims(rank, dims);
    FftwBuffer<Complex> in(halfComplexCount(rank, dims));
    FftwBuffer<float> out(realCount(rank, dims));
    std::lock_guard lock(fftwPlannerMutex());
    fftwf_plan p = fftwf_plan_dft_c2r(rank, dims, asFftw(in.data()), out.data(), FFTW_ESTIMATE);
    if (!p)
        throw UsageError("FFTW could not create an inverse plan");
    return FftwPlan(p);
}

} // namespace cryo
