package io.trailwarden.remediate.facet;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Plans and journals name facets by id, so every facet must be findable by its id, and ids must be unique. */
class FacetsTest {
  @Test
  void everyFacetIsRegisteredUnderAUniqueId() {
    Set<String> implementations = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.trailwarden").stream()
        .filter(c -> c.isAssignableTo(Facet.class) && !c.isInterface()
            && !c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT))
        .map(JavaClass::getName).collect(Collectors.toSet());
    Set<String> registered = Facets.all().stream().map(f -> f.getClass().getName()).collect(Collectors.toSet());
    assertThat(registered).isEqualTo(implementations);
    assertThat(Facets.all().stream().map(Facet::id).distinct()).hasSameSizeAs(Facets.all());
    Facets.all().forEach(f -> assertThat(Facets.find(f.id())).containsSame(f));
  }
}
