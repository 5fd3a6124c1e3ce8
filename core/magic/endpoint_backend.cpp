#include "core/magic/endpoint_backend.h"

#include <curl/curl.h>

#include <chrono>
#include <cmath>
#include <exception>
#include <mutex>
#include <nlohmann/json.hpp>

#include "core/magic/magic_prompt.h"
#include "core/version.h"

namespace i4::magic {
namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxBody = 8u << 20;  // a caption is a few KiB; anything this big is wrong

void initCurlOnce() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string excerpt(const std::string& text, std::size_t limit = 120) {
    std::string out;
    for (char c : text) {
        if (out.size() >= limit) {
            while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) {
                out.pop_back();
            }
            if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
            return out + "…";
        }
        out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    }
    return out;
}

// Servers sometimes quote the key they were sent ("Incorrect API key provided: sk-...").
std::string redacted(std::string text, const std::string& key) {
    if (key.size() < 4) return text;
    for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at)) {
        text.replace(at, key.size(), "***");
    }
    return text;
}

std::string seconds(double value) {
    const double rounded = std::round(value * 10) / 10;
    std::string text = std::to_string(rounded);
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
    return text + " s";
}

// The message a server puts into an error body: OpenAI's {"error":{"message":...}}, Ollama's
// {"error":"..."}, or {"message":...}; else the start of the body itself.
std::string errorText(const std::string& body) {
    const Json json = Json::parse(body, nullptr, false);
    if (!json.is_discarded() && json.is_object()) {
        if (json.contains("error")) {
            const Json& error = json.at("error");
            if (error.is_string()) return error.get<std::string>();
            if (error.is_object() && error.contains("message") && error.at("message").is_string()) {
                return error.at("message").get<std::string>();
            }
        }
        if (json.contains("message") && json.at("message").is_string()) {
            return json.at("message").get<std::string>();
        }
    }
    return excerpt(body);
}

std::string statusHint(long status) {
    switch (status) {
        case 400:
            return "the server did not accept the request (check the model name)";
        case 401:
        case 403:
            return "check the API key in the settings";
        case 404:
            return "check the URL and the model name in the settings";
        case 408:
        case 504:
            return "the server timed out";
        case 413:
            return "the request is too large for this server";
        case 429:
            return "the server is rate-limiting requests; try again later";
        default:
            return status >= 500 ? "the server failed; see its log" : "";
    }
}

struct Transfer {
    CURL* curl = nullptr;
    const EndpointConfig* config = nullptr;
    const std::function<void(std::string_view)>* onText = nullptr;
    const std::function<bool()>* cancelled = nullptr;

    bool started = false;
    long status = 0;
    bool sse = false;
    std::string body;     // the whole body when it is not a stream (or an error)
    std::string pending;  // an incomplete line of a stream
    std::string text;     // the content so far
    std::string finishReason;
    std::string streamError;
    bool done = false;  // "data: [DONE]" seen
    bool wasCancelled = false;
    bool idleTimedOut = false;
    bool tooLarge = false;
    Clock::time_point lastData = Clock::now();
    std::exception_ptr callbackError;

    void emit(const std::string& piece) {
        if (piece.empty()) return;
        text += piece;
        (*onText)(piece);
    }

    // One line of a server-sent event stream; false stops the transfer.
    bool handleLine(std::string line) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.rfind("data:", 0) != 0) return true;  // blank, ": comment", "event:", "id:"
        std::string payload = line.substr(5);
        if (!payload.empty() && payload.front() == ' ') payload.erase(0, 1);
        if (payload == "[DONE]") {
            done = true;
            return true;
        }
        const Json event = Json::parse(payload, nullptr, false);
        if (event.is_discarded() || !event.is_object()) {
            streamError = "an event that is not JSON: \"" + excerpt(payload) + "\"";
            return false;
        }
        if (event.contains("error")) {
            streamError = errorText(payload);
            return false;
        }
        if (!event.contains("choices") || !event.at("choices").is_array() ||
            event.at("choices").empty()) {
            return true;  // usage-only and keep-alive events carry no choices
        }
        const Json& choice = event.at("choices").at(0);
        if (choice.contains("delta") && choice.at("delta").is_object()) {
            const Json& delta = choice.at("delta");
            if (delta.contains("content") && delta.at("content").is_string()) {
                emit(delta.at("content").get<std::string>());
            }
        }
        if (choice.contains("finish_reason") && choice.at("finish_reason").is_string()) {
            finishReason = choice.at("finish_reason").get<std::string>();
        }
        return true;
    }
};

size_t onData(char* data, size_t size, size_t count, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    const size_t bytes = size * count;
    t.lastData = Clock::now();
    try {
        if ((*t.cancelled)()) {
            t.wasCancelled = true;
            return 0;
        }
        if (!t.started) {
            t.started = true;
            curl_easy_getinfo(t.curl, CURLINFO_RESPONSE_CODE, &t.status);
            char* type = nullptr;
            curl_easy_getinfo(t.curl, CURLINFO_CONTENT_TYPE, &type);
            t.sse = t.status < 400 && type && std::string(type).find("text/event-stream") == 0;
        }
        if (!t.sse) {
            if (t.body.size() + bytes > kMaxBody) {
                t.tooLarge = true;
                return 0;
            }
            t.body.append(data, bytes);
            return bytes;
        }
        t.pending.append(data, bytes);
        for (auto end = t.pending.find('\n'); end != std::string::npos;
             end = t.pending.find('\n')) {
            std::string line = t.pending.substr(0, end);
            t.pending.erase(0, end + 1);
            if (!t.handleLine(std::move(line))) return 0;
        }
        if (t.pending.size() > kMaxBody || t.text.size() > kMaxBody) {
            t.tooLarge = true;
            return 0;
        }
    } catch (...) {
        t.callbackError = std::current_exception();
        return 0;
    }
    return bytes;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto& t = *static_cast<Transfer*>(user);
    try {
        if ((*t.cancelled)()) {
            t.wasCancelled = true;
            return 1;
        }
    } catch (...) {
        t.callbackError = std::current_exception();
        return 1;
    }
    // Without a stream the server says nothing until the whole answer is ready: only the total
    // time-out applies then.
    const double silent = std::chrono::duration<double>(Clock::now() - t.lastData).count();
    if (t.config->stream && silent > t.config->idleTimeoutSeconds) {
        t.idleTimedOut = true;
        return 1;
    }
    return 0;
}

struct CurlHandle {
    CURL* curl = curl_easy_init();
    curl_slist* headers = nullptr;
    ~CurlHandle() {
        curl_slist_free_all(headers);
        if (curl) curl_easy_cleanup(curl);
    }
};

}  // namespace

std::string chatCompletionsUrl(const std::string& url) {
    std::string result = url;
    const auto first = result.find_first_not_of(" \t");
    result = first == std::string::npos ? "" : result.substr(first);
    result.erase(result.find_last_not_of(" \t\r\n") + 1);
    if (result.empty()) throw InputError("the magic prompt endpoint has no URL");
    if (result.rfind("http://", 0) != 0 && result.rfind("https://", 0) != 0) {
        throw InputError("magic prompt endpoint '" + result +
                         "' must start with http:// or https://");
    }
    while (!result.empty() && result.back() == '/') result.pop_back();
    const std::string suffix = "/chat/completions";
    if (result.size() < suffix.size() ||
        result.compare(result.size() - suffix.size(), suffix.size(), suffix) != 0) {
        result += suffix;
    }
    return result;
}

EndpointBackend::EndpointBackend(EndpointConfig config)
    : m_config(std::move(config)), m_endpoint(chatCompletionsUrl(m_config.url)) {
    if (m_config.model.find_first_not_of(" \t") == std::string::npos) {
        throw InputError("the magic prompt endpoint has no model name");
    }
}

std::string EndpointBackend::name() const {
    return "endpoint: " + m_config.model + " at " + m_endpoint;
}

std::string EndpointBackend::requestBody(const MagicPromptRequest& request) const {
    Json body = {
        {"model", m_config.model},
        {"messages", Json::array({{{"role", "system"}, {"content", buildSystemPrompt(request)}},
                                  {{"role", "user"}, {"content", buildUserMessage(request)}}})},
        {"temperature", request.temperature},
        {"top_p", request.topP},
        {"max_tokens", request.maxTokens},
        {"stream", m_config.stream},
    };
    if (request.seed) body["seed"] = *request.seed;
    return body.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string EndpointBackend::expand(const MagicPromptRequest& request,
                                    const std::function<void(std::string_view)>& onText,
                                    const std::function<bool()>& cancelled) {
    validateRequest(request);
    initCurlOnce();
    const std::string body = requestBody(request);

    CurlHandle handle;
    if (!handle.curl) throw MagicPromptError("Could not start an HTTP request (libcurl).");
    CURL* curl = handle.curl;
    handle.headers = curl_slist_append(handle.headers, "Content-Type: application/json");
    // No "Expect: 100-continue" round trip before the body (some servers never answer it).
    handle.headers = curl_slist_append(handle.headers, "Expect:");
    handle.headers = curl_slist_append(
        handle.headers, m_config.stream ? "Accept: text/event-stream" : "Accept: application/json");
    if (!m_config.apiKey.empty()) {
        const std::string auth = "Authorization: Bearer " + m_config.apiKey;
        handle.headers = curl_slist_append(handle.headers, auth.c_str());
    }
    const std::string agent = std::string(kProductName) + "/" + kVersion;

    Transfer transfer;
    transfer.curl = curl;
    transfer.config = &m_config;
    transfer.onText = &onText;
    transfer.cancelled = &cancelled;

    curl_easy_setopt(curl, CURLOPT_URL, m_endpoint.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, handle.headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(curl, CURLOPT_USERAGENT, agent.c_str());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // worker threads: no SIGALRM for time-outs
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(m_config.connectTimeoutSeconds * 1000));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS,
                     static_cast<long>(m_config.totalTimeoutSeconds * 1000));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onData);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);

    const CURLcode rc = curl_easy_perform(curl);

    if (transfer.callbackError) std::rethrow_exception(transfer.callbackError);
    if (transfer.wasCancelled) throw CancelledError();
    const std::string& where = m_endpoint;
    if (transfer.idleTimedOut) {
        throw MagicPromptError("The endpoint " + where + " sent nothing for " +
                               seconds(m_config.idleTimeoutSeconds) + "; the request timed out.");
    }
    if (transfer.tooLarge) {
        throw MagicPromptError("The endpoint " + where +
                               " sent more than 8 MiB; that is not a "
                               "caption.");
    }
    curl_off_t connected = 0;  // microseconds until the connection stood; 0: it never did
    curl_easy_getinfo(curl, CURLINFO_CONNECT_TIME_T, &connected);
    if (rc != CURLE_OK && !(rc == CURLE_WRITE_ERROR && !transfer.streamError.empty())) {
        switch (rc) {
            case CURLE_COULDNT_CONNECT:
                throw MagicPromptError("Could not connect to " + where +
                                       ": is the server running and the URL right?");
            case CURLE_COULDNT_RESOLVE_HOST:
                throw MagicPromptError("The host of " + where + " is unknown: check the URL.");
            case CURLE_OPERATION_TIMEDOUT:
                if (connected == 0) {
                    throw MagicPromptError("Could not connect to " + where + " within " +
                                           seconds(m_config.connectTimeoutSeconds) +
                                           "; the request timed out.");
                }
                throw MagicPromptError("The endpoint " + where +
                                       " did not finish its answer "
                                       "within " +
                                       seconds(m_config.totalTimeoutSeconds) +
                                       "; the request timed out.");
            case CURLE_SSL_CONNECT_ERROR:
            case CURLE_PEER_FAILED_VERIFICATION:
            case CURLE_SSL_CACERT_BADFILE:
                throw MagicPromptError("The secure connection to " + where + " failed (" +
                                       curl_easy_strerror(rc) + ").");
            case CURLE_GOT_NOTHING:
                throw MagicPromptError("The endpoint " + where +
                                       " closed the connection without an answer.");
            default:
                throw MagicPromptError("The request to " + where +
                                       " failed: " + curl_easy_strerror(rc) + ".");
        }
    }
    if (transfer.status == 0) {
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &transfer.status);
    }
    if (transfer.status >= 400) {
        std::string message =
            "The endpoint " + where + " answered HTTP " + std::to_string(transfer.status);
        const std::string detail =
            redacted(excerpt(errorText(transfer.body), 200), m_config.apiKey);
        if (!detail.empty()) message += ": " + detail;
        const std::string hint = statusHint(transfer.status);
        if (!hint.empty()) message += " (" + hint + ")";
        throw MagicPromptError(message + ".");
    }
    if (!transfer.streamError.empty()) {
        throw MagicPromptError("The endpoint " + where + " broke off its answer: " +
                               redacted(transfer.streamError, m_config.apiKey) + ".");
    }
    if (!transfer.sse) {
        const Json json = Json::parse(transfer.body, nullptr, false);
        if (json.is_discarded()) {
            throw MagicPromptError("The endpoint " + where +
                                   " answered something that is not "
                                   "JSON: \"" +
                                   redacted(excerpt(transfer.body), m_config.apiKey) + "\"");
        }
        const Json* content = nullptr;
        if (json.is_object() && json.contains("choices") && json.at("choices").is_array() &&
            !json.at("choices").empty()) {
            const Json& choice = json.at("choices").at(0);
            if (choice.is_object() && choice.contains("message") &&
                choice.at("message").is_object() && choice.at("message").contains("content") &&
                choice.at("message").at("content").is_string()) {
                content = &choice.at("message").at("content");
            }
            if (choice.is_object() && choice.contains("finish_reason") &&
                choice.at("finish_reason").is_string()) {
                transfer.finishReason = choice.at("finish_reason").get<std::string>();
            }
        }
        if (!content) {
            throw MagicPromptError("The endpoint " + where +
                                   " answered without a chat message "
                                   "(no choices[0].message.content): is it an OpenAI-compatible "
                                   "chat-completions API?");
        }
        transfer.emit(content->get<std::string>());
    } else if (transfer.text.empty()) {
        throw MagicPromptError("The endpoint " + where + " ended its stream without any text.");
    }
    try {
        return finishMagicCaption(transfer.text);
    } catch (const MagicPromptError& e) {
        if (transfer.finishReason == "length") {
            throw MagicPromptError(std::string(e.what()) + " The answer was cut off at the " +
                                   "limit of " + std::to_string(request.maxTokens) + " tokens.");
        }
        throw;
    }
}

}  // namespace i4::magic
