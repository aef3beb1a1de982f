#include "protocol/mimeparser.h"

#include "base/durablefs.h"

#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <gmime/gmime.h>

namespace Pop3Connector {

namespace {

// Header blocks larger than this are cut: enough for any real header, bounded memory.
constexpr qint64 kMaxHeaderBytes = 1024 * 1024;

GMimeParserOptions *parserOptions()
{
    static GMimeParserOptions *options = [] {
        g_mime_init();
        GMimeParserOptions *o = g_mime_parser_options_new();
        // Undeclared 8-bit header text from Japanese mailers is tried in these charsets.
        static const char *fallback[] = {
            "UTF-8", "ISO-2022-JP", "CP932", "EUC-JP", "ISO-8859-1", nullptr};
        g_mime_parser_options_set_fallback_charsets(o, fallback);
        g_mime_parser_options_set_rfc2047_compliance_mode(o, GMIME_RFC_COMPLIANCE_LOOSE);
        g_mime_parser_options_set_address_compliance_mode(o, GMIME_RFC_COMPLIANCE_LOOSE);
        return o;
    }();
    return options;
}

template<typename T>
struct GObjectDeleter
{
    void operator()(T *p) const
    {
        if (p)
            g_object_unref(p);
    }
};
template<typename T>
using GPtr = std::unique_ptr<T, GObjectDeleter<T>>;

// A spool file as a GMime stream, opened as every spool file is read (never through a
// symlink); null with `error` set when it cannot be.
GMimeStream *openStream(const QString &path, QString *error)
{
    const Result<int> fd = DurableFs::openForReading(path);
    if (!fd) {
        if (error)
            *error = fd.error().message;
        return nullptr;
    }
    return g_mime_stream_fs_new(*fd); // owns the descriptor
}

QByteArray readHeaderBlock(const QString &path, qint64 offset, QString *error)
{
    const Result<int> fd = DurableFs::openForReading(path);
    if (!fd) {
        if (error)
            *error = fd.error().message;
        return {};
    }
    QFile f;
    if (!f.open(*fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle) || !f.seek(offset)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return {};
    }
    QByteArray block;
    while (block.size() < kMaxHeaderBytes) {
        const QByteArray chunk = f.read(64 * 1024);
        if (chunk.isEmpty())
            break;
        const qsizetype searchFrom = std::max<qsizetype>(0, block.size() - 3);
        block += chunk;
        qsizetype end = block.indexOf("\r\n\r\n", searchFrom);
        const qsizetype lf = block.indexOf("\n\n", searchFrom);
        if (end >= 0 || lf >= 0) {
            end = end >= 0 && (lf < 0 || end < lf) ? end + 4 : lf + 2;
            block.truncate(end);
            break;
        }
    }
    return block;
}

bool isFoldingSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

QByteArrayView trimFolding(QByteArrayView s)
{
    while (!s.isEmpty() && isFoldingSpace(s.front()))
        s = s.sliced(1);
    while (!s.isEmpty() && isFoldingSpace(s.back()))
        s.chop(1);
    return s;
}

// One addr-spec as the header has it, with the folding white space RFC 5322 allows at its ends
// and around the '@' taken away (CFWS in dot-atom), the obsolete route ("@a,@b:") dropped.
QString addrSpec(QByteArrayView spec)
{
    spec = trimFolding(spec);
    if (spec.startsWith('@')) {
        const qsizetype colon = spec.indexOf(':');
        spec = trimFolding(colon < 0 ? QByteArrayView() : spec.sliced(colon + 1));
    }
    bool quoted = false;
    for (qsizetype i = 0; i < spec.size(); ++i) {
        const char c = spec[i];
        if (quoted && c == '\\') {
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == '@' && !quoted) {
            return QString::fromUtf8(trimFolding(spec.first(i)).toByteArray() + '@'
                + trimFolding(spec.sliced(i + 1)).toByteArray());
        }
    }
    return QString::fromUtf8(spec);
}

} // namespace

QStringList MimeParser::addrSpecs(QByteArrayView value)
{
    QStringList out;
    QByteArray element; // the current mailbox, comments replaced by a space
    qsizetype angleOpen = -1; // where its "<" is in `element`
    qsizetype angleClose = -1;
    bool quoted = false;
    bool literal = false;
    int comment = 0; // nesting depth
    const auto flush = [&] {
        if (angleOpen >= 0) {
            const qsizetype end = angleClose >= 0 ? angleClose : element.size();
            out.append(
                addrSpec(QByteArrayView(element).sliced(angleOpen + 1, end - angleOpen - 1)));
        } else if (!trimFolding(element).isEmpty()) {
            out.append(addrSpec(element));
        }
        element.clear();
        angleOpen = angleClose = -1;
        quoted = literal = false;
    };
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (comment > 0) {
            // RFC 5322 §3.2.2: comments nest and quote with a backslash.
            if (c == '\\')
                ++i;
            else if (c == '(')
                ++comment;
            else if (c == ')' && --comment == 0)
                element += ' ';
            continue;
        }
        if (quoted) {
            element += c;
            if (c == '\\' && i + 1 < value.size())
                element += value[++i];
            else if (c == '"')
                quoted = false;
            continue;
        }
        if (literal) {
            element += c;
            literal = c != ']';
            continue;
        }
        const bool inAngle = angleOpen >= 0 && angleClose < 0;
        switch (c) {
        case '"':
            quoted = true;
            element += c;
            break;
        case '[':
            literal = true;
            element += c;
            break;
        case '(':
            comment = 1;
            break;
        case '<':
            if (angleClose >= 0)
                flush(); // "<a@b> <c@d>": two mailboxes a comma was forgotten between
            if (angleOpen < 0)
                angleOpen = element.size();
            element += c;
            break;
        case '>':
            if (inAngle)
                angleClose = element.size();
            element += c;
            break;
        case ',':
            if (inAngle)
                element += c; // the obsolete route: <@a,@b:x@y>
            else
                flush();
            break;
        case ';': // the end of a group
            if (inAngle)
                element += c;
            else
                flush();
            break;
        case ':': // a group's display name ends; its mailboxes follow
            if (inAngle || angleOpen >= 0) {
                element += c;
            } else {
                element.clear();
            }
            break;
        default:
            element += c;
        }
    }
    flush();
    return out;
}

std::optional<MessageHeaders> MimeParser::parseHeaders(
    const QString &path, qint64 offset, QString *error)
{
    QString readError;
    const QByteArray block = readHeaderBlock(path, offset, &readError);
    if (!readError.isEmpty()) {
        if (error)
            *error = readError;
        return std::nullopt;
    }
    std::optional<MessageHeaders> headers = parseHeaderBlock(block, error);
    if (headers)
        headers->headerBytes = block.size();
    return headers;
}

std::optional<MessageHeaders> MimeParser::parseHeaderBlock(QByteArrayView header, QString *error)
{
    GMimeParserOptions *options = parserOptions();
    GPtr<GMimeStream> stream(
        g_mime_stream_mem_new_with_buffer(header.data(), size_t(header.size())));
    GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options));
    if (!message) {
        if (error)
            *error = QStringLiteral("the file does not start with a message header");
        return std::nullopt;
    }
    MessageHeaders h;
    GMimeHeaderList *headers = g_mime_object_get_header_list(GMIME_OBJECT(message.get()));
    const int count = g_mime_header_list_get_count(headers);
    if (count == 0) {
        if (error)
            *error = QStringLiteral("the message has no header fields");
        return std::nullopt;
    }
    for (int i = 0; i < count; ++i) {
        GMimeHeader *field = g_mime_header_list_get_header_at(headers, i);
        const QString name = QString::fromUtf8(g_mime_header_get_name(field)).toLower();
        const char *raw = g_mime_header_get_raw_value(field);
        if (name == u"received") {
            if (raw
                && QByteArrayView(raw).contains(
                    QByteArrayView(kTraceMark.data(), kTraceMark.size())))
                ++h.traceCount;
            continue;
        }
        if (!raw)
            continue;
        static const QStringList notAddresses = {QStringLiteral("message-id"),
            QStringLiteral("references"), QStringLiteral("in-reply-to"),
            QStringLiteral("dkim-signature"), QStringLiteral("subject")};
        // Addresses as the header holds them, not as GMime shows them: GMime unfolds, decodes
        // A-labels to Unicode and drops what it cannot parse, and routing must see the bytes
        // that would otherwise reach the envelope.
        if (name == u"return-path") {
            // The topmost one, from the last delivery; an empty one is no path at all.
            const QStringList addresses = addrSpecs(raw);
            if (!h.returnPath && !addresses.isEmpty())
                h.returnPath = addresses.first();
            continue;
        }
        if (name == u"from" && h.fromAddress.isEmpty())
            h.fromAddress = addrSpecs(raw).value(0);
        else if (name == u"to")
            h.to += addrSpecs(raw);
        else if (name == u"cc")
            h.cc += addrSpecs(raw);
        // Any header may be configured as an envelope header; those naming an address are kept.
        if (std::strchr(raw, '@') && !notAddresses.contains(name)) {
            for (const QString &a : addrSpecs(raw))
                h.headerAddresses.append({name, a});
        }
    }
    if (const char *id = g_mime_message_get_message_id(message.get()))
        h.messageId = QString::fromUtf8(id);
    if (const char *subject = g_mime_message_get_subject(message.get()))
        h.subject = QString::fromUtf8(subject).simplified();
    if (InternetAddressList *from = g_mime_message_get_from(message.get())) {
        if (char *shown = internet_address_list_to_string(from, nullptr, FALSE)) {
            h.from = QString::fromUtf8(shown);
            g_free(shown);
        }
    }
    if (GDateTime *date = g_mime_message_get_date(message.get()))
        h.date = QDateTime::fromSecsSinceEpoch(g_date_time_to_unix(date), Qt::UTC);
    return h;
}

QString MimeParser::previewText(const QString &path, qint64 offset, int maxChars)
{
    GMimeParserOptions *options = parserOptions();
    GPtr<GMimeStream> file(openStream(path, nullptr));
    if (!file)
        return {};
    GPtr<GMimeStream> stream(g_mime_stream_substream(file.get(), offset, -1));
    GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options));
    if (!message)
        return {};
    GMimeObject *body = g_mime_message_get_body(message.get());
    GMimeTextPart *text = nullptr;
    GMimeTextPart *html = nullptr;
    GMimePartIter *iter = g_mime_part_iter_new(GMIME_OBJECT(message.get()));
    if (body && GMIME_IS_TEXT_PART(body)) {
        GMimeContentType *type = g_mime_object_get_content_type(body);
        if (g_mime_content_type_is_type(type, "text", "html"))
            html = GMIME_TEXT_PART(body);
        else
            text = GMIME_TEXT_PART(body);
    }
    do {
        GMimeObject *part = g_mime_part_iter_get_current(iter);
        if (text || !part || !GMIME_IS_TEXT_PART(part))
            continue;
        if (GMimeContentDisposition *d = g_mime_object_get_content_disposition(part);
            d && g_mime_content_disposition_is_attachment(d))
            continue;
        GMimeContentType *type = g_mime_object_get_content_type(part);
        if (g_mime_content_type_is_type(type, "text", "plain"))
            text = GMIME_TEXT_PART(part);
        else if (!html && g_mime_content_type_is_type(type, "text", "html"))
            html = GMIME_TEXT_PART(part);
    } while (!text && g_mime_part_iter_next(iter));
    g_mime_part_iter_free(iter);
    GMimeTextPart *chosen = text ? text : html;
    if (!chosen)
        return {};
    char *decoded = g_mime_text_part_get_text(chosen);
    QString out = QString::fromUtf8(decoded ? decoded : "");
    g_free(decoded);
    if (!text) {
        static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
        out.replace(tags, QString());
    }
    out.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    return out.left(maxChars);
}

bool MimeParser::isForwardable(QByteArrayView message)
{
    constexpr qsizetype kMaxLine = 998; // RFC 5322 §2.1.1, without the CRLF
    if (message.isEmpty() || message.startsWith("\r\n") || !message.endsWith("\r\n"))
        return false;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < message.size(); ++i) {
        const char c = message[i];
        if (c == '\0')
            return false;
        if (c == '\r') {
            if (i + 1 >= message.size() || message[i + 1] != '\n')
                return false;
            if (i - lineStart > kMaxLine)
                return false;
            lineStart = i + 2;
            ++i;
        } else if (c == '\n') {
            return false; // a bare LF
        }
    }
    return true;
}

Result<QByteArray> MimeParser::wrapAsAttachment(const QString &source, qint64 offset,
    const QString &from, const QString &to, const QString &subject, const QString &text,
    const QString &messageId)
{
    parserOptions(); // g_mime_init
    QString error;
    GPtr<GMimeStream> file(openStream(source, &error));
    if (!file)
        return Error {ErrorCode::NotFound, error};
    GPtr<GMimeStream> original(g_mime_stream_substream(file.get(), offset, -1));

    GPtr<GMimeMessage> message(g_mime_message_new(TRUE));
    g_mime_message_add_mailbox(
        message.get(), GMIME_ADDRESS_TYPE_FROM, "POP3 Connector", from.toUtf8().constData());
    g_mime_message_add_mailbox(
        message.get(), GMIME_ADDRESS_TYPE_TO, nullptr, to.toUtf8().constData());
    g_mime_message_set_subject(message.get(), subject.toUtf8().constData(), "utf-8");
    GDateTime *now = g_date_time_new_now_local();
    g_mime_message_set_date(message.get(), now);
    g_date_time_unref(now);
    g_mime_message_set_message_id(message.get(), messageId.toUtf8().constData());

    GPtr<GMimeMultipart> multipart(g_mime_multipart_new_with_subtype("mixed"));
    GPtr<GMimeTextPart> note(g_mime_text_part_new_with_subtype("plain"));
    g_mime_text_part_set_text(note.get(), text.toUtf8().constData());
    g_mime_multipart_add(multipart.get(), GMIME_OBJECT(note.get()));

    // The original's bytes, to decide how it can travel; the wrapper is written in memory anyway.
    QByteArray bytes;
    {
        GPtr<GMimeStream> whole(g_mime_stream_mem_new());
        if (g_mime_stream_write_to_stream(original.get(), whole.get()) < 0)
            return Error {ErrorCode::Io, QStringLiteral("cannot read %1").arg(source)};
        GByteArray *b = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(whole.get()));
        bytes = QByteArray(reinterpret_cast<const char *>(b->data), qsizetype(b->len));
    }
    const bool forwardable = isForwardable(bytes);
    GPtr<GMimePart> attachment(forwardable
            ? g_mime_part_new_with_type("message", "rfc822")
            : g_mime_part_new_with_type("application", "octet-stream"));
    GMimeContentDisposition *disposition = g_mime_content_disposition_new();
    g_mime_content_disposition_set_disposition(disposition, GMIME_DISPOSITION_ATTACHMENT);
    g_mime_object_set_content_disposition(GMIME_OBJECT(attachment.get()), disposition);
    g_object_unref(disposition);
    g_mime_part_set_filename(attachment.get(), "original.eml");
    GPtr<GMimeStream> content(
        g_mime_stream_mem_new_with_buffer(bytes.constData(), size_t(bytes.size())));
    GPtr<GMimeDataWrapper> wrapper(
        g_mime_data_wrapper_new_with_stream(content.get(), GMIME_CONTENT_ENCODING_DEFAULT));
    g_mime_part_set_content(attachment.get(), wrapper.get());
    const bool eightBit = std::any_of(
        bytes.cbegin(), bytes.cend(), [](char c) { return static_cast<unsigned char>(c) > 0x7f; });
    g_mime_part_set_content_encoding(attachment.get(),
        !forwardable   ? GMIME_CONTENT_ENCODING_BASE64
            : eightBit ? GMIME_CONTENT_ENCODING_8BIT
                       : GMIME_CONTENT_ENCODING_7BIT);
    g_mime_multipart_add(multipart.get(), GMIME_OBJECT(attachment.get()));
    g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(multipart.get()));

    // In memory: the caller writes it through the durable layer like every spool file.
    GPtr<GMimeStream> out(g_mime_stream_mem_new());
    GMimeFormatOptions *format = g_mime_format_options_clone(g_mime_format_options_get_default());
    g_mime_format_options_set_newline_format(format, GMIME_NEWLINE_FORMAT_DOS);
    const ssize_t written =
        g_mime_object_write_to_stream(GMIME_OBJECT(message.get()), format, out.get());
    g_mime_format_options_free(format);
    if (written < 0)
        return Error {ErrorCode::Io, QStringLiteral("cannot read %1").arg(source)};
    GByteArray *result = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
    return QByteArray(reinterpret_cast<const char *>(result->data), qsizetype(result->len));
}

} // namespace Pop3Connector
