package dev.overtalkerr.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class BackendHttpTest {
  @Test
  void encodingLeavesOnlyUnreservedCharacters() {
    assertThat(BackendHttp.encode("The Matrix")).isEqualTo("The%20Matrix");
    assertThat(BackendHttp.encode(":/?#[]@!$&'()*+,;=")).isEqualTo(
        "%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D");
    assertThat(BackendHttp.encode("A-z_0.9~")).isEqualTo("A-z_0.9~");
    assertThat(BackendHttp.encode("Amélie ß")).isEqualTo("Am%C3%A9lie%20%C3%9F");
    assertThat(BackendHttp.encode("100%")).isEqualTo("100%25");
  }

  @Test
  void pathsGoBelowASubPathBase() {
    assertThat(BackendHttp.under(HttpUrl.get("http://h:5055"), "api/v1/status").build().toString())
        .isEqualTo("http://h:5055/api/v1/status");
    assertThat(BackendHttp.under(HttpUrl.get("http://h/seerr/"), "api/v1/status").build().encodedPath())
        .isEqualTo("/seerr/api/v1/status");
    assertThat(BackendHttp.under(HttpUrl.get("http://h/seerr"), "api/v1/status").build().encodedPath())
        .isEqualTo("/seerr/api/v1/status");
  }

  @Test
  void datesAreReadLeniently() {
    assertThat(BackendHttp.date("1999-03-31")).isEqualTo(LocalDate.of(1999, 3, 31));
    assertThat(BackendHttp.date("1999-03-31T00:00:00")).isEqualTo(LocalDate.of(1999, 3, 31));
    assertThat(BackendHttp.date("0001-01-01T00:00:00")).as("Ombi's 'unset'").isNull();
    assertThat(BackendHttp.date("")).isNull();
    assertThat(BackendHttp.date("soon")).isNull();
  }
}
