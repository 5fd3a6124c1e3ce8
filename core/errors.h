#pragma once

#include <stdexcept>
#include <string>

namespace i4 {

// Typed errors thrown inside core. Messages name the file, tensor or field concerned; the CLI and
// the GUI worker catch them at their boundary and show the message to the user.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A model file or folder is malformed, incomplete or of an unsupported kind.
class ModelError : public Error {
public:
    using Error::Error;
};

// A safetensors file (or its index) breaks the format's rules.
class FormatError : public ModelError {
public:
    using ModelError::ModelError;
};

// The user's request is invalid (size, prompt, schedule, ...).
class InputError : public Error {
public:
    using Error::Error;
};

// A run was cancelled by the user; no partial result is presented as complete.
class CancelledError : public Error {
public:
    CancelledError() : Error("cancelled") {}
};

}  // namespace i4
