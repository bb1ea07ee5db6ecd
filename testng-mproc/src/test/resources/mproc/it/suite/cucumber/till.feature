Feature: Till
  Scenario: A till opens empty
    Given a basket with 0 apples
    Then it costs 0

  Scenario: A big basket
    Given a basket with 10 apples
    Then it costs 20
