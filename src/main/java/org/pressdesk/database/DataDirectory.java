package org.pressdesk.database;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param dataDir where the embedded database keeps its files ({@code PRESSDESK_DATA_DIR})
 */
@Validated
@ConfigurationProperties("pressdesk")
record DataDirectory(@NotNull @DefaultValue("./data") Path dataDir) {
}
