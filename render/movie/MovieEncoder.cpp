#include "MovieEncoder.h"

#include "GifPalette.h"
#include "util/Error.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libavutil/log.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>
#include <system_error>
#include <vector>

namespace cryo {

namespace {

std::string avError(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {0};
    av_strerror(code, text, sizeof text);
    return text;
}

std::filesystem::path partPath(const std::filesystem::path& path)
{
    std::filesystem::path part = path;
    part += ".part";
    return part;
}

} // namespace

MovieFormat movieFormatForPath(const std::filesystem::path& path)
{
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (extension == ".mp4")
        return MovieFormat::Mp4;
    if (extension == ".gif")
        return MovieFormat::Gif;
    throw UsageError("Movie file " + path.string() + ": the name must end in .mp4 or .gif");
}

struct MovieEncoder::Impl {
    std::filesystem::path path, part;
    MovieEncoderOptions options;
    MovieFormat format = MovieFormat::Mp4;
    AVFormatContext* container = nullptr;
    AVCodecContext* codec = nullptr;
    AVStream* stream = nullptr;
    AVFrame* frame = nullptr;
    AVPacket* packet = nullptr;
    SwsContext* scaler = nullptr;
    std::vector<std::vector<std::uint8_t>> gifFrames;   // RGB, kept until finish()
    int frames = 0;
    bool headerWritten = false, finished = false;

    ~Impl() { release(); }

    [[noreturn]] void fail(const std::string& problem) const { throw FileError(path, problem); }

    void check(int code, const char* what) const
    {
        if (code < 0)
            fail(std::string(what) + ": " + avError(code));
    }

    void openContainer();
    void openCodec();
    void encode(AVFrame* input);   // nullptr flushes
    void addMp4Frame(std::span<const std::uint8_t> rgb);
    void encodeGifFrames();
    void release();
    void removePart();
};

void MovieEncoder::Impl::openContainer()
{
    const char* muxer = format == MovieFormat::Mp4 ? "mp4" : "gif";
    // The muxer is named explicitly: the ".part" name says nothing about the format.
    check(avformat_alloc_output_context2(&container, nullptr, muxer, part.string().c_str()),
          "cannot set up the container");
    const int opened = avio_open(&container->pb, part.string().c_str(), AVIO_FLAG_WRITE);
    if (opened < 0)
        fail("cannot open " + part.filename().string() + " for writing: " + avError(opened));
}

void MovieEncoder::Impl::openCodec()
{
    const AVCodec* encoder = format == MovieFormat::Mp4 ? avcodec_find_encoder_by_name("libx264")
                                                        : avcodec_find_encoder(AV_CODEC_ID_GIF);
    if (!encoder)
        fail(format == MovieFormat::Mp4 ? "this libavcodec has no H.264 encoder (libx264)"
                                        : "this libavcodec has no GIF encoder");
    codec = avcodec_alloc_context3(encoder);
    codec->width = options.width;
    codec->height = options.height;
    codec->framerate = av_d2q(options.fps, 100000);
    codec->time_base = av_inv_q(codec->framerate);
    codec->pix_fmt = format == MovieFormat::Mp4 ? AV_PIX_FMT_YUV420P : AV_PIX_FMT_PAL8;
    if (container->oformat->flags & AVFMT_GLOBALHEADER)
        codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if (format == MovieFormat::Mp4) {
        av_opt_set(codec->priv_data, "crf", std::to_string(options.crf).c_str(), 0);
        av_opt_set(codec->priv_data, "preset", options.preset, 0);
    }
    check(avcodec_open2(codec, encoder, nullptr), "cannot open the encoder");

    stream = avformat_new_stream(container, nullptr);
    if (!stream)
        fail("cannot add a video stream");
    stream->time_base = codec->time_base;
    check(avcodec_parameters_from_context(stream->codecpar, codec), "cannot set the stream parameters");

    AVDictionary* muxerOptions = nullptr;
    if (format == MovieFormat::Mp4)
        av_dict_set(&muxerOptions, "movflags", "+faststart", 0);   // index first: plays while loading
    const int written = avformat_write_header(container, &muxerOptions);
    av_dict_free(&muxerOptions);
    check(written, "cannot write the header");
    headerWritten = true;

    frame = av_frame_alloc();
    packet = av_packet_alloc();
    frame->format = codec->pix_fmt;
    frame->width = options.width;
    frame->height = options.height;
    check(av_frame_get_buffer(frame, 0), "cannot allocate a frame");
}

void MovieEncoder::Impl::encode(AVFrame* input)
{
    check(avcodec_send_frame(codec, input), "encoding failed");
    for (;;) {
        const int got = avcodec_receive_packet(codec, packet);
        if (got == AVERROR(EAGAIN) || got == AVERROR_EOF)
            return;
        check(got, "encoding failed");
        // One frame long each: without a duration the MP4 muxer gives the last frame none
        // and its edit list drops it.
        packet->duration = 1;
        av_packet_rescale_ts(packet, codec->time_base, stream->time_base);
        packet->stream_index = stream->index;
        check(av_interleaved_write_frame(container, packet), "cannot write");
    }
}

void MovieEncoder::Impl::addMp4Frame(std::span<const std::uint8_t> rgb)
{
    if (!scaler)
        scaler = sws_getContext(options.width, options.height, AV_PIX_FMT_RGB24, options.width, options.height,
                                AV_PIX_FMT_YUV420P, SWS_BILINEAR, nullptr, nullptr, nullptr);
    if (!scaler)
        fail("cannot convert RGB to YUV");
    check(av_frame_make_writable(frame), "cannot allocate a frame");
    const std::uint8_t* source[1] = {rgb.data()};
    const int sourceStride[1] = {3 * options.width};
    sws_scale(scaler, source, sourceStride, 0, options.height, frame->data, frame->linesize);
    frame->pts = frames;
    encode(frame);
}

void MovieEncoder::Impl::encodeGifFrames()
{
    // Palette from up to 16 frames spread over the movie, every 3rd pixel.
    std::vector<std::span<const std::uint8_t>> sample;
    const std::size_t stride = std::max<std::size_t>(1, gifFrames.size() / 16);
    for (std::size_t i = 0; i < gifFrames.size(); i += stride)
        sample.emplace_back(gifFrames[i]);
    const GifPalette palette = GifPalette::build(sample, 3);
    for (std::size_t i = 0; i < gifFrames.size(); ++i) {
        check(av_frame_make_writable(frame), "cannot allocate a frame");
        palette.map(gifFrames[i], options.width, options.height, frame->data[0], frame->linesize[0]);
        std::memcpy(frame->data[1], palette.argb().data(), 256 * sizeof(std::uint32_t));
        frame->pts = std::int64_t(i);
        encode(frame);
        gifFrames[i].clear();
        gifFrames[i].shrink_to_fit();
    }
}

void MovieEncoder::Impl::release()
{
    sws_freeContext(scaler);
    scaler = nullptr;
    av_frame_free(&frame);
    av_packet_free(&packet);
    avcodec_free_context(&codec);
    if (container) {
        if (container->pb)
            avio_closep(&container->pb);
        avformat_free_context(container);
        container = nullptr;
    }
    if (!finished)
        removePart();
}

void MovieEncoder::Impl::removePart()
{
    std::error_code ignored;
    std::filesystem::remove(part, ignored);
}

MovieEncoder::MovieEncoder(const std::filesystem::path& path, const MovieEncoderOptions& options)
    : m_impl(std::make_unique<Impl>())
{
    Impl& m = *m_impl;
    m.path = path;
    m.part = partPath(path);
    m.options = options;
    m.format = movieFormatForPath(path);
    if (options.width < 2 || options.height < 2 || options.width > 8192 || options.height > 8192)
        throw UsageError("Movie size must be between 2 and 8192 pixels, got " + std::to_string(options.width) + "x"
                         + std::to_string(options.height));
    if (m.format == MovieFormat::Mp4 && (options.width % 2 || options.height % 2))
        throw UsageError("MP4 (yuv420p) needs an even width and height, got " + std::to_string(options.width) + "x"
                         + std::to_string(options.height));
    if (!(options.fps > 0.0 && options.fps <= 240.0))
        throw UsageError("Frame rate must be in (0, 240], got " + std::to_string(options.fps));
    // x264 prints its statistics at the INFO level; only errors are of use to our users.
    av_log_set_level(AV_LOG_ERROR);
    m.openContainer();
    m.openCodec();
}

MovieEncoder::~MovieEncoder() = default;

void MovieEncoder::addFrame(std::span<const std::uint8_t> rgb)
{
    Impl& m = *m_impl;
    if (m.finished || !m.codec)
        throw UsageError("MovieEncoder::addFrame after finish() or cancel()");
    const std::size_t expected = std::size_t(m.options.width) * std::size_t(m.options.height) * 3;
    if (rgb.size() != expected)
        throw UsageError("Movie frame has " + std::to_string(rgb.size()) + " bytes, expected "
                         + std::to_string(expected) + " (RGB " + std::to_string(m.options.width) + "x"
                         + std::to_string(m.options.height) + ")");
    if (m.format == MovieFormat::Mp4)
        m.addMp4Frame(rgb);
    else
        m.gifFrames.emplace_back(rgb.begin(), rgb.end());
    ++m.frames;
}

void MovieEncoder::finish()
{
    Impl& m = *m_impl;
    if (m.finished || !m.codec)
        throw UsageError("MovieEncoder::finish called twice or after cancel()");
    if (m.frames == 0)
        m.fail("no frames to write");
    if (m.format == MovieFormat::Gif)
        m.encodeGifFrames();
    m.encode(nullptr);
    m.check(av_write_trailer(m.container), "cannot finish the file");
    const int closed = avio_closep(&m.container->pb);
    if (closed < 0)
        m.fail("cannot write: " + avError(closed));
    std::error_code error;
    std::filesystem::rename(m.part, m.path, error);
    if (error)
        m.fail("cannot rename " + m.part.filename().string() + " onto it: " + error.message());
    m.finished = true;
    m.release();
}

void MovieEncoder::cancel()
{
    m_impl->release();   // not finished: removes the .part file
}

int MovieEncoder::frameCount() const { return m_impl->frames; }
MovieFormat MovieEncoder::format() const { return m_impl->format; }
const std::filesystem::path& MovieEncoder::path() const { return m_impl->path; }

} // namespace cryo
