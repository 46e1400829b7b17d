package io.tickwire.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every address tickwire defines says what travels on it, so {@code tail --list} leaves none blank. */
class AddressesTest {

  @Test
  void everyAddressConstantHasADescription() throws IllegalAccessException {
    List<String> addresses = new ArrayList<>();
    for (Field field : Addresses.class.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && field.getType() == String.class) {
        addresses.add((String) field.get(null));
      }
    }

    assertThat(addresses).isNotEmpty();
    assertThat(Addresses.DESCRIPTIONS).containsOnlyKeys(addresses);
    assertThat(Addresses.DESCRIPTIONS.values()).allSatisfy(description -> assertThat(description).isNotBlank());
  }
}
