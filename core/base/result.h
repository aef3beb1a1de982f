#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace Pop3Connector {

// What kind of failure an error is, so that callers decide by code, not by sentence: a full
// disk is not a permission problem, and neither is a hostile server.
enum class ErrorCode {
    DiskFull, // ENOSPC, EDQUOT: free space, then retry
    PermissionDenied, // EACCES, EPERM, EROFS
    NotFound, // ENOENT
    AlreadyExists, // EEXIST
    NotARegularFile, // a symlink or a device where a spool file was expected (ELOOP, ...)
    ShortWrite, // fewer bytes on disk than were written
    Io, // EIO and every other system error
    Corrupt, // a file that does not hold what it should
    InvalidInput, // bytes from outside (a header, an address, a reply) that fail validation
    Protocol, // a server that does not speak its protocol
    LimitExceeded, // a reply, line or message beyond what the connector accepts
    Cancelled,
};

// An error crossing a function: its code and a sentence for the administrator (what happened;
// the caller adds what to do where it knows).
struct Error
{
    ErrorCode code = ErrorCode::Io;
    QString message;

    bool isDiskFull() const { return code == ErrorCode::DiskFull; }
};

// A value or an error. [[nodiscard]]: a result is looked at, never dropped.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    { }
    Result(Error error)
        : m_value(std::move(error))
    { }

    bool ok() const { return m_value.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<0>(m_value); }
    T &value() & { return std::get<0>(m_value); }
    T &&value() && { return std::get<0>(std::move(m_value)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    const Error &error() const { return std::get<1>(m_value); }

private:
    std::variant<T, Error> m_value;
};

// Success or an error.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_ok(false)
    { }

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

using Status = Result<void>;

} // namespace Pop3Connector
