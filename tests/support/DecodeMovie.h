#pragma once
// Reads a movie back with libavformat/libavcodec for the movie tests: codec name, size and
// every frame as RGB24 (rows top to bottom). Empty result when the file cannot be opened.
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswscale/swscale.h>
}

#include <cstdint>
#include <string>
#include <vector>

namespace cryo::test {

struct DecodedMovie {
    std::string codec;
    int width = 0, height = 0;
    std::vector<std::vector<std::uint8_t>> frames;   // RGB24
};

inline void keepFrame(const AVFrame* frame, DecodedMovie& out)
{
    SwsContext* sws = sws_getContext(frame->width, frame->height, AVPixelFormat(frame->format), frame->width,
                                     frame->height, AV_PIX_FMT_RGB24, SWS_POINT, nullptr, nullptr, nullptr);
    std::vector<std::uint8_t> rgb(std::size_t(frame->width) * frame->height * 3);
    std::uint8_t* target[1] = {rgb.data()};
    const int stride[1] = {3 * frame->width};
    sws_scale(sws, frame->data, frame->linesize, 0, frame->height, target, stride);
    sws_freeContext(sws);
    out.frames.push_back(std::move(rgb));
}

inline DecodedMovie decodeMovie(const std::string& path)
{
    DecodedMovie out;
    AVFormatContext* format = nullptr;
    if (avformat_open_input(&format, path.c_str(), nullptr, nullptr) < 0)
        return out;
    avformat_find_stream_info(format, nullptr);
    const int index = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (index >= 0) {
        const AVCodecParameters* par = format->streams[index]->codecpar;
        const AVCodec* decoder = avcodec_find_decoder(par->codec_id);
        out.codec = avcodec_get_name(par->codec_id);
        out.width = par->width;
        out.height = par->height;
        AVCodecContext* ctx = avcodec_alloc_context3(decoder);
        avcodec_parameters_to_context(ctx, par);
        avcodec_open2(ctx, decoder, nullptr);
        AVPacket* packet = av_packet_alloc();
        AVFrame* frame = av_frame_alloc();
        auto drain = [&] {
            while (avcodec_receive_frame(ctx, frame) == 0)
                keepFrame(frame, out);
        };
        while (av_read_frame(format, packet) >= 0) {
            if (packet->stream_index == index && avcodec_send_packet(ctx, packet) >= 0)
                drain();
            av_packet_unref(packet);
        }
        avcodec_send_packet(ctx, nullptr);
        drain();
        av_frame_free(&frame);
        av_packet_free(&packet);
        avcodec_free_context(&ctx);
    }
    avformat_close_input(&format);
    return out;
}

} // namespace cryo::test
