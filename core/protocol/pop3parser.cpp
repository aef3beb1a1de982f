#include "protocol/pop3parser.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <algorithm>
#include <cstring>

namespace Pop3Connector {

namespace {

bool isDigits(QByteArrayView s)
{
    if (s.isEmpty() || s.size() > 18)
        return false;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

QByteArrayView trimmed(QByteArrayView s)
{
    while (!s.isEmpty() && (s.front() == ' ' || s.front() == '\t'))
        s = s.sliced(1);
    while (!s.isEmpty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.chop(1);
    return s;
}

// Splits at runs of spaces or tabs.
QList<QByteArrayView> words(QByteArrayView s)
{
    QList<QByteArrayView> out;
    qsizetype i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
            ++i;
        qsizetype start = i;
        while (i < s.size() && s[i] != ' ' && s[i] != '\t')
            ++i;
        if (i > start)
            out.append(s.sliced(start, i - start));
    }
    return out;
}

// RFC 2449 §8 (IN-USE, LOGIN-DELAY), RFC 3206 (SYS/TEMP, SYS/PERM, AUTH), RFC 6856 (UTF8).
struct KnownResponseCode
{
    QByteArrayView text;
    ResponseCode code;
};
constexpr KnownResponseCode kResponseCodes[] = {
    {"IN-USE", ResponseCode::InUse},
    {"LOGIN-DELAY", ResponseCode::LoginDelay},
    {"SYS/TEMP", ResponseCode::SysTemp},
    {"SYS/PERM", ResponseCode::SysPerm},
    {"AUTH", ResponseCode::Auth},
    {"UTF8", ResponseCode::Utf8},
};

ResponseCode classify(QByteArrayView code)
{
    for (const KnownResponseCode &known : kResponseCodes) {
        if (known.text.compare(code, Qt::CaseInsensitive) == 0)
            return known.code;
    }
    return ResponseCode::Other;
}

} // namespace

std::optional<StatusLine> parseStatusLine(QByteArrayView line)
{
    StatusLine status;
    QByteArrayView rest;
    if (line.startsWith("+OK")) {
        status.ok = true;
        rest = line.sliced(3);
    } else if (line.startsWith("-ERR")) {
        rest = line.sliced(4);
    } else {
        return std::nullopt;
    }
    if (!rest.isEmpty() && rest.front() != ' ' && rest.front() != '\t')
        return std::nullopt; // "+OKAY" is not a status indicator
    rest = trimmed(rest);
    if (rest.startsWith('[')) {
        const qsizetype close = rest.indexOf(']');
        if (close > 1) {
            status.codeText = rest.sliced(1, close - 1).toByteArray();
            status.code = classify(status.codeText);
            rest = trimmed(rest.sliced(close + 1));
        }
    }
    status.text = rest.toByteArray();
    return status;
}

std::optional<QByteArray> parseContinuation(QByteArrayView line)
{
    if (line == "+")
        return QByteArray();
    if (!line.startsWith("+ "))
        return std::nullopt;
    return trimmed(line.sliced(2)).toByteArray();
}

bool Capabilities::hasSasl(QByteArrayView mechanism) const
{
    for (const QByteArray &m : saslMechanisms) {
        if (m == mechanism)
            return true;
    }
    return false;
}

namespace {

// RFC 2449 §6: the capabilities that are their name alone, and the flag each sets.
struct FlagCapability
{
    QByteArrayView name;
    bool Capabilities::*member;
};
constexpr FlagCapability kFlagCapabilities[] = {
    {"TOP", &Capabilities::top},
    {"UIDL", &Capabilities::uidl},
    {"USER", &Capabilities::user},
    {"PIPELINING", &Capabilities::pipelining},
    {"STLS", &Capabilities::stls},
    {"RESP-CODES", &Capabilities::respCodes},
    {"AUTH-RESP-CODE", &Capabilities::authRespCode},
};

} // namespace

Capabilities parseCapabilities(const QList<QByteArray> &lines)
{
    Capabilities caps;
    caps.known = true;
    for (const QByteArray &line : lines) {
        const QList<QByteArrayView> w = words(trimmed(line));
        if (w.isEmpty())
            continue;
        const QByteArray name = w.front().toByteArray().toUpper();
        const auto flag = std::find_if(std::begin(kFlagCapabilities), std::end(kFlagCapabilities),
            [&name](const FlagCapability &f) { return f.name == name; });
        if (flag != std::end(kFlagCapabilities)) {
            caps.*(flag->member) = true;
        } else if (name == "SASL") {
            for (qsizetype i = 1; i < w.size(); ++i)
                caps.saslMechanisms.append(w[i].toByteArray().toUpper());
        } else if (name == "EXPIRE" && w.size() >= 2) {
            const QByteArray value = w[1].toByteArray().toUpper();
            if (value == "NEVER")
                caps.expireNever = true;
            else if (isDigits(value))
                caps.expireDays = value.toInt();
        } else if (name == "LOGIN-DELAY" && w.size() >= 2 && isDigits(w[1])) {
            caps.loginDelaySeconds = w[1].toByteArray().toInt();
        } else if (name == "IMPLEMENTATION") {
            caps.implementation = trimmed(line).sliced(w.front().size()).trimmed().toByteArray();
        }
    }
    return caps;
}

std::optional<Drop> parseStat(QByteArrayView text)
{
    const QList<QByteArrayView> w = words(text);
    if (w.size() < 2 || !isDigits(w[0]) || !isDigits(w[1]))
        return std::nullopt;
    return Drop {w[0].toByteArray().toInt(), w[1].toByteArray().toLongLong()};
}

std::optional<ScanEntry> parseScanLine(QByteArrayView line)
{
    const QList<QByteArrayView> w = words(line);
    if (w.size() < 2 || !isDigits(w[0]) || !isDigits(w[1]))
        return std::nullopt;
    const int number = w[0].toByteArray().toInt();
    if (number <= 0)
        return std::nullopt;
    return ScanEntry {number, w[1].toByteArray().toLongLong()};
}

std::optional<UniqueIdEntry> parseUniqueIdLine(QByteArrayView line)
{
    const QList<QByteArrayView> w = words(line);
    if (w.size() != 2 || !isDigits(w[0]))
        return std::nullopt;
    const int number = w[0].toByteArray().toInt();
    const QByteArrayView uid = w[1];
    if (number <= 0 || uid.size() > 70)
        return std::nullopt;
    for (char c : uid) {
        if (static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) > 0x7e)
            return std::nullopt;
    }
    return UniqueIdEntry {number, uid.toByteArray()};
}

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Pop3Connector::Pop3Parser", text);
}

Error tooManyEntries()
{
    return {ErrorCode::LimitExceeded,
        tr("the listing has more than %1 messages, more than any real mailbox holds")
            .arg(kMaxListingEntries)};
}

QString quoted(QByteArrayView line)
{
    QString out;
    for (char c : line.first(std::min<qsizetype>(line.size(), 100))) {
        const auto u = static_cast<unsigned char>(c);
        out.append(u >= 0x20 && u < 0x7f ? QChar::fromLatin1(c) : QChar(u'?'));
    }
    return out;
}

} // namespace

Status ScanListing::add(QByteArrayView line)
{
    const std::optional<ScanEntry> e = parseScanLine(line);
    if (!e) {
        return Error {
            ErrorCode::InvalidInput, tr("a LIST line is not valid: \"%1\"").arg(quoted(line))};
    }
    if (qsizetype(m_entries.size()) >= kMaxListingEntries)
        return tooManyEntries();
    m_entries.push_back(*e);
    return {};
}

void ScanListing::seal()
{
    auto byNumber = [](const ScanEntry &a, const ScanEntry &b) { return a.number < b.number; };
    if (!std::is_sorted(m_entries.begin(), m_entries.end(), byNumber))
        std::stable_sort(m_entries.begin(), m_entries.end(), byNumber);
    m_entries.erase(
        std::unique(m_entries.begin(), m_entries.end(),
            [](const ScanEntry &a, const ScanEntry &b) { return a.number == b.number; }),
        m_entries.end());
    m_entries.shrink_to_fit();
}

Status UniqueIdListing::add(QByteArrayView line)
{
    const std::optional<UniqueIdEntry> e = parseUniqueIdLine(line);
    if (!e) {
        return Error {
            ErrorCode::InvalidInput, tr("a UIDL line is not valid: \"%1\"").arg(quoted(line))};
    }
    if (size() >= kMaxListingEntries)
        return tooManyEntries();
    m_entries.push_back({e->number, quint32(m_ids.size()), quint32(e->uid.size())});
    m_ids += e->uid;
    return {};
}

void UniqueIdListing::seal()
{
    auto byNumber = [](const Entry &a, const Entry &b) { return a.number < b.number; };
    if (!std::is_sorted(m_entries.begin(), m_entries.end(), byNumber))
        std::stable_sort(m_entries.begin(), m_entries.end(), byNumber);
    m_entries.erase(std::unique(m_entries.begin(), m_entries.end(),
                        [](const Entry &a, const Entry &b) { return a.number == b.number; }),
        m_entries.end());
    m_entries.shrink_to_fit();
    m_ids.squeeze();
}

qsizetype UniqueIdListing::indexOf(int number) const
{
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), number,
        [](const Entry &e, int n) { return e.number < n; });
    if (it == m_entries.end() || it->number != number)
        return -1;
    return it - m_entries.begin();
}

QByteArrayView UniqueIdListing::uid(int number) const
{
    const qsizetype i = indexOf(number);
    return i < 0 ? QByteArrayView() : uidAt(i);
}

QByteArrayView UniqueIdListing::uidAt(qsizetype i) const
{
    const Entry &e = m_entries[size_t(i)];
    return QByteArrayView(m_ids).sliced(e.offset, e.length);
}

Status LineSplitter::deliver(QByteArrayView line, const LineHandler &onLine)
{
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    return onLine(line);
}

Status LineSplitter::feed(QByteArrayView chunk, const LineHandler &onLine)
{
    const char *p = chunk.data();
    const char *const end = p + chunk.size();
    while (p < end) {
        const auto *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        const char *stop = nl ? nl + 1 : end;
        const qsizetype length = m_partial.size() + (stop - p);
        // The line end itself does not count against the limit.
        if (length - (nl ? 1 : 0) > m_maxLength + 1) {
            m_partial.clear();
            return Error {ErrorCode::LimitExceeded,
                tr("a line of the reply is longer than %1 bytes").arg(m_maxLength)};
        }
        if (!nl) {
            m_partial.append(p, stop - p);
            break;
        }
        Status status;
        if (m_partial.isEmpty()) {
            status = deliver(QByteArrayView(p, stop - p), onLine);
        } else {
            m_partial.append(p, stop - p);
            status = deliver(m_partial, onLine);
            m_partial.clear();
        }
        if (!status)
            return status;
        p = stop;
    }
    return {};
}

Status LineSplitter::finish(const LineHandler &onLine)
{
    if (m_partial.isEmpty())
        return {};
    const QByteArray last = std::exchange(m_partial, {});
    return deliver(last, onLine);
}

QByteArray apopTimestamp(QByteArrayView greeting)
{
    const qsizetype open = greeting.indexOf('<');
    if (open < 0)
        return {};
    const qsizetype close = greeting.indexOf('>', open);
    if (close < 0)
        return {};
    const QByteArrayView stamp = greeting.sliced(open, close - open + 1);
    if (!stamp.contains('@'))
        return {};
    return stamp.toByteArray();
}

QByteArray apopDigest(QByteArrayView timestamp, QByteArrayView password)
{
    QCryptographicHash md5(QCryptographicHash::Md5);
    md5.addData(timestamp);
    md5.addData(password);
    return md5.result().toHex();
}

void MultiLineDecoder::reset()
{
    m_state = LineState::Start;
}

MultiLineDecoder::Step MultiLineDecoder::decode(QByteArrayView input, QByteArray &out)
{
    const char *const begin = input.data();
    const char *const end = begin + input.size();
    const char *p = begin;
    while (p < end) {
        switch (m_state) {
        case LineState::Start:
            // A leading dot is stuffing or the terminator: the byte after it tells which.
            m_state = *p == '.' ? LineState::Dot : LineState::Middle;
            if (m_state == LineState::Dot)
                ++p;
            break;
        case LineState::Dot:
            if (*p == '\r') {
                m_state = LineState::DotCr;
                ++p;
            } else if (*p == '\n') {
                m_state = LineState::Start;
                return {p + 1 - begin, true};
            } else {
                // RFC 1939 §3: a stuffed line; the leading dot is dropped, the rest is payload.
                m_state = LineState::Middle;
            }
            break;
        case LineState::DotCr:
            if (*p == '\n') {
                m_state = LineState::Start;
                return {p + 1 - begin, true};
            }
            // ".\r" then something else: not the terminator; keep the CR as payload.
            out.append('\r');
            m_state = LineState::Middle;
            break;
        case LineState::Middle: {
            const void *nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
            if (!nl) {
                out.append(p, end - p);
                p = end;
            } else {
                const char *lineEnd = static_cast<const char *>(nl) + 1;
                out.append(p, lineEnd - p);
                p = lineEnd;
                m_state = LineState::Start;
            }
            break;
        }
        }
    }
    return {input.size(), false};
}

} // namespace Pop3Connector
