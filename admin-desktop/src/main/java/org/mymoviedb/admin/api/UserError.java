package org.mymoviedb.admin.api;

import java.util.List;

/** A problem with one input field, as the server's payloads report it. */
public record UserError(List<String> field, String message, String code) {

    /** The input field it concerns ("title" for ["input", "title"]), or "" for the request as a whole. */
    public String inputField() {
        if (field.size() >= 2 && field.get(0).equals("input")) {
            return field.get(1);
        }
        return "";
    }
}
