// The endpoint back end against a real HTTP server on 127.0.0.1 (cpp-httplib) that speaks the
// chat-completions protocol: streamed (server-sent events) and whole answers, HTTP errors,
// malformed bodies, time-outs and cancellation.

#include "core/magic/endpoint_backend.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/caption/caption_verifier.h"
#include "core/magic/magic_prompt.h"

namespace i4::magic {
namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

// A caption that tells which idea it was made for.
std::string captionFor(const std::string& idea) {
    Json caption = Json::parse(
        R"({"high_level_description":"","style_description":{"aesthetics":"calm, flat",)"
        R"("lighting":"soft daylight","medium":"digital illustration","art_style":"flat vector",)"
        R"("color_palette":["#F5F5DC","#2E8B57"]},"compositional_deconstruction":{)"
        R"("background":"a plain beige wall","elements":[{"type":"obj","bbox":[120,200,880,800],)"
        R"("desc":"a green star","color_palette":["#2E8B57"]},{"type":"text",)"
        R"("bbox":[30,100,110,900],"text":"Grüße","desc":"black letters","color_palette":[]}]}})");
    caption["high_level_description"] = "A picture of " + idea + ".";
    return caption.dump(2);  // pretty-printed: the back end must minify it
}

std::string sse(const Json& event) { return "data: " + event.dump() + "\n\n"; }

Json chunk(const std::string& content, const Json& finish = nullptr) {
    return {{"object", "chat.completion.chunk"},
            {"choices",
             Json::array(
                 {{{"index", 0}, {"delta", {{"content", content}}}, {"finish_reason", finish}}})}};
}

class ChatServer {
public:
    ChatServer() {
        m_server.Post("/v1/chat/completions", [this](const httplib::Request& req,
                                                     httplib::Response& res) { handle(req, res); });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~ChatServer() { stop(); }
    void stop() {
        m_stopping = true;
        if (m_thread.joinable()) {
            m_server.stop();
            m_thread.join();
        }
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/v1"; }

    Json lastBody() {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_lastBody;
    }
    std::string lastAuthorization() {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_lastAuthorization;
    }

private:
    // Sleeps up to `ms`, less when the server stops (so that no test waits on a sleeping handler).
    void pause(int ms) {
        const auto until = Clock::now() + std::chrono::milliseconds(ms);
        while (!m_stopping && Clock::now() < until) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }

    void handle(const httplib::Request& req, httplib::Response& res) {
        const Json body = Json::parse(req.body, nullptr, false);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_lastBody = body;
            m_lastAuthorization = req.get_header_value("Authorization");
        }
        if (body.is_discarded() || !body.contains("model") || !body.contains("messages")) {
            res.status = 400;
            res.set_content(R"({"error":{"message":"bad request body"}})", "application/json");
            return;
        }
        const std::string mode = body.at("model");
        const std::string idea = body.at("messages").at(1).at("content");
        const std::string caption = captionFor(idea);
        if (mode == "unauthorized") {
            const std::string auth = req.get_header_value("Authorization");
            res.status = 401;
            res.set_content(Json{{"error",
                                  {{"message", "Incorrect API key provided: " + auth.substr(7)},
                                   {"type", "invalid_request_error"}}}}
                                .dump(),
                            "application/json");
        } else if (mode == "crash") {
            res.status = 500;
            res.set_content("Internal Server Error", "text/plain");
        } else if (mode == "ollama-missing") {
            res.status = 404;
            res.set_content(R"({"error":"model 'ollama-missing' not found"})", "application/json");
        } else if (mode == "garbage") {
            res.set_content("<html>this is not JSON", "application/json");
        } else if (mode == "no-choices") {
            res.set_content(R"({"object":"chat.completion","choices":[]})", "application/json");
        } else if (mode == "silent-whole") {
            pause(3000);
            res.set_content("{}", "application/json");
        } else if (!body.value("stream", false)) {
            std::string content = "```json\n" + caption + "\n```";
            std::string finish = "stop";
            if (mode == "not-a-caption") content = "Sorry, I can only talk about cooking.";
            if (mode == "cut-off") {
                content = caption.substr(0, caption.size() / 2);
                finish = "length";
            }
            res.set_content(
                Json{{"object", "chat.completion"},
                     {"choices",
                      Json::array({{{"index", 0},
                                    {"message", {{"role", "assistant"}, {"content", content}}},
                                    {"finish_reason", finish}}})}}
                    .dump(),
                "application/json");
        } else {
            res.set_chunked_content_provider(
                "text/event-stream", [this, mode, caption](size_t, httplib::DataSink& sink) {
                    const auto send = [&](const std::string& text) {
                        return sink.write(text.data(), text.size());
                    };
                    if (mode == "silent") pause(3000);
                    send(": keep-alive comment\n\n");
                    send(sse({{"choices", Json::array({{{"delta", {{"role", "assistant"}}}}})}}));
                    if (mode == "garbage-stream") {
                        send("data: {\"choices\":[{\"delta\":{\"content\":\"{\n\n");
                    } else if (mode == "error-in-stream") {
                        send(sse(chunk("{\"high_")));
                        send(sse({{"error", {{"message", "the model ran out of memory"}}}}));
                    } else {
                        // Pieces of 7 bytes, cut only at character boundaries (like tokens).
                        for (std::size_t at = 0; at < caption.size();) {
                            std::size_t end = std::min(caption.size(), at + 7);
                            while (end < caption.size() &&
                                   (static_cast<unsigned char>(caption[end]) & 0xC0) == 0x80) {
                                ++end;
                            }
                            // CRLF line ends on every other event: both are valid SSE.
                            std::string event = sse(chunk(caption.substr(at, end - at)));
                            if (at % 2) event.replace(event.size() - 2, 2, "\r\n\r\n");
                            if (!send(event)) return false;
                            if (mode == "slow") pause(30);
                            at = end;
                        }
                        send(sse(chunk("", "stop")));
                        send("data: [DONE]\n\n");
                    }
                    sink.done();
                    return true;
                });
        }
    }

    httplib::Server m_server;
    int m_port = 0;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    std::mutex m_mutex;
    Json m_lastBody;
    std::string m_lastAuthorization;
};

struct Outcome {
    std::string caption;
    std::string streamed;
    int pieces = 0;
    std::string error;
    bool cancelled = false;
    double seconds = 0;
};

Outcome expandWith(const EndpointConfig& config, const MagicPromptRequest& request,
                   const std::function<bool(const Outcome&)>& cancelWhen = nullptr) {
    Outcome run;
    const auto start = Clock::now();
    try {
        EndpointBackend backend(config);
        run.caption = backend.expand(
            request,
            [&](std::string_view piece) {
                run.streamed += piece;
                ++run.pieces;
            },
            [&] { return cancelWhen && cancelWhen(run); });
    } catch (const CancelledError&) {
        run.cancelled = true;
    } catch (const MagicPromptError& e) {
        run.error = e.what();
    }
    run.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return run;
}

class EndpointBackendTest : public ::testing::Test {
protected:
    EndpointConfig config(const std::string& mode, bool stream = true) {
        EndpointConfig c;
        c.url = server.url();
        c.model = mode;
        c.apiKey = "sk-test-0123456789abcdef";
        c.stream = stream;
        c.connectTimeoutSeconds = 2;
        c.idleTimeoutSeconds = 5;
        c.totalTimeoutSeconds = 20;
        return c;
    }
    MagicPromptRequest request() {
        MagicPromptRequest r;
        r.idea = "a green star over the word Grüße";
        r.aspect = "16:9";
        r.seed = 42;
        return r;
    }
    ChatServer server;
};

TEST(EndpointUrl, ChatCompletionsAddress) {
    EXPECT_EQ(chatCompletionsUrl("http://localhost:11434/v1"),
              "http://localhost:11434/v1/chat/completions");
    EXPECT_EQ(chatCompletionsUrl(" https://api.example.com/v1/ "),
              "https://api.example.com/v1/chat/completions");
    EXPECT_EQ(chatCompletionsUrl("http://h:8080/v1/chat/completions"),
              "http://h:8080/v1/chat/completions");
    EXPECT_THROW(chatCompletionsUrl(""), InputError);
    EXPECT_THROW(chatCompletionsUrl("ftp://h/v1"), InputError);
    EXPECT_THROW(chatCompletionsUrl("localhost:11434"), InputError);
    EndpointConfig c;
    c.url = "http://h/v1";
    EXPECT_THROW(EndpointBackend{c}, InputError);  // no model
}

TEST_F(EndpointBackendTest, StreamingArrivesInPiecesAndVerifies) {
    const Outcome run = expandWith(config("stream"), request());
    ASSERT_EQ(run.error, "");
    EXPECT_GT(run.pieces, 50);  // token by token, not in one lump
    EXPECT_EQ(run.caption, finishMagicCaption(run.streamed));
    EXPECT_TRUE(caption::verifyCaption(run.caption).empty());
    EXPECT_NE(run.caption.find("A picture of a green star over the word Grüße."),
              std::string::npos);
    EXPECT_EQ(run.caption.find('\n'), std::string::npos);  // minified

    const Json body = server.lastBody();
    EXPECT_EQ(body.at("model"), "stream");
    EXPECT_EQ(body.at("stream"), true);
    EXPECT_EQ(body.at("seed"), 42);
    EXPECT_EQ(body.at("messages").at(0).at("role"), "system");
    EXPECT_EQ(body.at("messages").at(0).at("content"), buildSystemPrompt(request()));
    EXPECT_EQ(body.at("messages").at(1).at("role"), "user");
    EXPECT_EQ(body.at("messages").at(1).at("content"), request().idea);
    EXPECT_EQ(server.lastAuthorization(), "Bearer sk-test-0123456789abcdef");
}

TEST_F(EndpointBackendTest, WholeAnswerWithFencesAndNoKey) {
    EndpointConfig c = config("plain", false);
    c.apiKey.clear();
    MagicPromptRequest r = request();
    r.seed.reset();
    const Outcome run = expandWith(c, r);
    ASSERT_EQ(run.error, "");
    EXPECT_EQ(run.pieces, 1);
    EXPECT_NE(run.streamed.find("```json"), std::string::npos);
    EXPECT_EQ(run.caption.find("```"), std::string::npos);
    EXPECT_TRUE(caption::verifyCaption(run.caption).empty());
    EXPECT_EQ(server.lastBody().at("stream"), false);
    EXPECT_FALSE(server.lastBody().contains("seed"));
    EXPECT_EQ(server.lastAuthorization(), "");
}

TEST_F(EndpointBackendTest, HttpErrorsArePlainMessagesWithoutTheKey) {
    for (bool stream : {true, false}) {
        Outcome run = expandWith(config("unauthorized", stream), request());
        EXPECT_NE(run.error.find("HTTP 401"), std::string::npos) << run.error;
        EXPECT_NE(run.error.find("Incorrect API key provided: ***"), std::string::npos)
            << run.error;
        EXPECT_NE(run.error.find("check the API key"), std::string::npos) << run.error;
        EXPECT_EQ(run.error.find("sk-test"), std::string::npos) << run.error;

        run = expandWith(config("crash", stream), request());
        EXPECT_NE(run.error.find("HTTP 500: Internal Server Error"), std::string::npos)
            << run.error;
        run = expandWith(config("ollama-missing", stream), request());
        EXPECT_NE(run.error.find("HTTP 404: model 'ollama-missing' not found"), std::string::npos)
            << run.error;
    }
    EndpointConfig wrongPath = config("stream");
    wrongPath.url = server.url() + "/nothing-here";
    const Outcome run = expandWith(wrongPath, request());
    EXPECT_NE(run.error.find("HTTP 404"), std::string::npos) << run.error;
    EXPECT_NE(run.error.find("check the URL"), std::string::npos) << run.error;
}

TEST_F(EndpointBackendTest, MalformedAnswersAreNamed) {
    Outcome run = expandWith(config("garbage", false), request());
    EXPECT_NE(run.error.find("not JSON: \"<html>this is not JSON\""), std::string::npos)
        << run.error;
    run = expandWith(config("no-choices", false), request());
    EXPECT_NE(run.error.find("choices[0].message.content"), std::string::npos) << run.error;
    run = expandWith(config("garbage-stream"), request());
    EXPECT_NE(run.error.find("an event that is not JSON"), std::string::npos) << run.error;
    run = expandWith(config("error-in-stream"), request());
    EXPECT_NE(run.error.find("the model ran out of memory"), std::string::npos) << run.error;
    EXPECT_EQ(run.streamed, "{\"high_");
    run = expandWith(config("not-a-caption", false), request());
    EXPECT_NE(run.error.find("holds no JSON caption: \"Sorry"), std::string::npos) << run.error;
    run = expandWith(config("cut-off", false), request());
    EXPECT_NE(run.error.find("cut off at the limit of 2048 tokens"), std::string::npos)
        << run.error;
}

TEST_F(EndpointBackendTest, TimeOuts) {
    EndpointConfig idle = config("silent");
    idle.idleTimeoutSeconds = 0.3;
    Outcome run = expandWith(idle, request());
    EXPECT_NE(run.error.find("sent nothing for 0.3 s; the request timed out"), std::string::npos)
        << run.error;
    EXPECT_LT(run.seconds, 2.5);

    EndpointConfig total = config("silent-whole", false);
    total.idleTimeoutSeconds = 0.1;  // ignored without a stream
    total.totalTimeoutSeconds = 0.6;
    run = expandWith(total, request());
    EXPECT_NE(run.error.find("did not finish its answer within 0.6 s"), std::string::npos)
        << run.error;
    EXPECT_GE(run.seconds, 0.55);
    EXPECT_LT(run.seconds, 2.5);
}

TEST_F(EndpointBackendTest, NoServer) {
    EndpointConfig c = config("stream");
    server.stop();
    const Outcome run = expandWith(c, request());
    EXPECT_NE(run.error.find("Could not connect to " + server.url()), std::string::npos)
        << run.error;
}

TEST_F(EndpointBackendTest, CancelStopsTheStream) {
    const Outcome run =
        expandWith(config("slow"), request(), [](const Outcome& r) { return r.pieces >= 3; });
    EXPECT_TRUE(run.cancelled) << run.error;
    EXPECT_GE(run.pieces, 3);
    EXPECT_LT(run.pieces, 10);
    EXPECT_LT(run.seconds, 1.5);  // the whole answer takes about 3 s at 30 ms a piece
}

TEST_F(EndpointBackendTest, BadRequestIsRefusedBeforeSending) {
    MagicPromptRequest r = request();
    r.idea = "   ";
    EndpointBackend backend(config("stream"));
    EXPECT_THROW(backend.expand(
                     r, [](std::string_view) {}, [] { return false; }),
                 InputError);
    EXPECT_TRUE(server.lastBody().is_null());
}

}  // namespace
}  // namespace i4::magic
