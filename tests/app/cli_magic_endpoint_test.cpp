// `i4 magic-prompt --endpoint` against a real chat-completions server on 127.0.0.1 (cpp-httplib,
// started by the test): streamed and whole answers, the API key from the environment only, and
// HTTP errors as plain messages.
#include <gtest/gtest.h>
#include <httplib.h>

#include <cstdlib>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/app/cli_runner.h"

namespace i4::test {
namespace {

using Json = nlohmann::json;

const char* const kCaption =
    R"({"high_level_description":"A green star on a beige wall.","style_description":)"
    R"({"aesthetics":"calm, flat","lighting":"soft daylight","medium":"digital illustration",)"
    R"("art_style":"flat vector","color_palette":["#F5F5DC","#2E8B57"]},)"
    R"("compositional_deconstruction":{"background":"a plain beige wall","elements":[)"
    R"({"type":"obj","bbox":[120,200,880,800],"desc":"a green star","color_palette":["#2E8B57"]}]}})";

class ChatServer {
public:
    ChatServer() {
        m_server.Post("/v1/chat/completions",
                      [this](const httplib::Request& req, httplib::Response& res) {
                          const Json body = Json::parse(req.body, nullptr, false);
                          {
                              std::lock_guard<std::mutex> lock(m_mutex);
                              m_authorization = req.get_header_value("Authorization");
                              m_stream = !body.is_discarded() && body.value("stream", false);
                          }
                          if (body.is_discarded() || body.value("model", "") != "painter") {
                              res.status = 404;
                              res.set_content(R"({"error":{"message":"model not found"}})",
                                              "application/json");
                          } else if (body.value("stream", false)) {
                              std::string events;
                              const std::string caption = kCaption;
                              for (size_t at = 0; at < caption.size(); at += 9) {
                                  events += "data: " +
                                            Json{{"choices",
                                                  {{{"delta",
                                                     {{"content", caption.substr(at, 9)}}}}}}}
                                                .dump() +
                                            "\n\n";
                              }
                              res.set_content(events + "data: [DONE]\n\n", "text/event-stream");
                          } else {
                              res.set_content(
                                  Json{{"choices",
                                        {{{"message", {{"role", "assistant"},
                                                       {"content", std::string("```json\n") +
                                                                       kCaption + "\n```"}}},
                                          {"finish_reason", "stop"}}}}}
                                      .dump(),
                                  "application/json");
                          }
                      });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~ChatServer() {
        m_server.stop();
        m_thread.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/v1"; }
    std::string authorization() {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_authorization;
    }
    bool streamed() {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_stream;
    }

private:
    httplib::Server m_server;
    int m_port = 0;
    std::thread m_thread;
    std::mutex m_mutex;
    std::string m_authorization;
    bool m_stream = false;
};

// The last line of the output: the caption `i4 magic-prompt` prints on stdout.
std::string lastLine(const std::string& out) {
    std::string text = out;
    while (!text.empty() && text.back() == '\n') text.pop_back();
    const auto newline = text.rfind('\n');
    return newline == std::string::npos ? text : text.substr(newline + 1);
}

TEST(CliMagicEndpoint, StreamedAndWholeAnswersPrintTheCaption) {
    ChatServer server;
    ::setenv("I4_MAGIC_PROMPT_API_KEY", "sk-test-123", 1);
    const CliRun streamed = runCli({"magic-prompt", "a green star", "--endpoint", server.url(),
                                    "--endpoint-model", "painter"});
    ASSERT_EQ(streamed.exitCode, 0) << streamed.out;
    EXPECT_TRUE(server.streamed());
    EXPECT_EQ(server.authorization(), "Bearer sk-test-123");
    EXPECT_EQ(Json::parse(lastLine(streamed.out)), Json::parse(kCaption)) << streamed.out;
    EXPECT_EQ(streamed.out.find("sk-test-123"), std::string::npos) << streamed.out;

    ::unsetenv("I4_MAGIC_PROMPT_API_KEY");
    const CliRun whole = runCli({"magic-prompt", "a green star", "--endpoint", server.url(),
                                 "--endpoint-model", "painter", "--no-stream", "--quiet"});
    ASSERT_EQ(whole.exitCode, 0) << whole.out;
    EXPECT_FALSE(server.streamed());
    EXPECT_EQ(server.authorization(), "");
    // The fences are stripped and the caption is the canonical one line.
    EXPECT_EQ(Json::parse(lastLine(whole.out)), Json::parse(kCaption)) << whole.out;
}

TEST(CliMagicEndpoint, ErrorsArePlainMessages) {
    ChatServer server;
    const CliRun missing = runCli({"magic-prompt", "a green star", "--endpoint", server.url(),
                                   "--endpoint-model", "no-such-model", "--quiet"});
    EXPECT_NE(missing.exitCode, 0);
    EXPECT_NE(missing.out.find("404"), std::string::npos) << missing.out;

    const CliRun noModel = runCli({"magic-prompt", "a green star", "--endpoint", server.url()});
    EXPECT_EQ(noModel.exitCode, 2) << noModel.out;
    EXPECT_NE(noModel.out.find("--endpoint-model"), std::string::npos) << noModel.out;

    const CliRun badUrl = runCli({"magic-prompt", "a green star", "--endpoint", "ftp://x",
                                  "--endpoint-model", "painter"});
    EXPECT_EQ(badUrl.exitCode, 2) << badUrl.out;
}

}  // namespace
}  // namespace i4::test
