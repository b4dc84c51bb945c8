package org.seamline.bitrix24.standin;

/**
 * A refusal in Bitrix24's error envelope {@code {"error": code, "error_description": text}}. Some CRM methods answer
 * an empty code with only a description (e.g. {@code "Not found"}), so {@code code} may be empty.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String code;

    ApiError(int status, String code, String description) {
        super(description, null, false, false);
        this.status = status;
        this.code = code;
    }

    String description() {
        return getMessage();
    }

    /** A CRM method's own refusal: HTTP 400 with an empty code, as {@code crm.contact.*} answers it. */
    static ApiError crm(String description) {
        return new ApiError(400, "", description);
    }

    static ApiError notFound() {
        return crm("Not found");
    }

    static ApiError invalidField(String field) {
        return crm("The field " + field + " is not defined or invalid.");
    }
}
