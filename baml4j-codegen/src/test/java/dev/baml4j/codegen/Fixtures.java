package dev.baml4j.codegen;

/** BAML projects the generator tests share. */
final class Fixtures {

    static final String RESUME = """
            /// A candidate's resume.
            class Resume {
              name string
              email string? @description("work email if several")
              start_year int
              seniority Seniority
              skills Skill[]
              links map<string, string>
              contact Phone | Email
              @@description("Extracted from free text")
            }

            class Skill {
              name string
              years int?
            }

            class Phone {
              number string
            }

            class Email {
              address string
              verified bool
            }

            enum Seniority {
              JUNIOR
              SENIOR @alias("senior-level") @description("5+ years")
              STAFF @skip
            }

            function ExtractResume(resume_text: string, hints: string[]?) -> Resume {
              client "aws-bedrock/anthropic.claude-3-haiku-20240307-v1:0"
              prompt #"
                {{ resume_text }}
                {{ ctx.output_format }}
              "#
            }

            function ListSkills(resume_text: string) -> Skill[] {
              client "aws-bedrock/anthropic.claude-3-haiku-20240307-v1:0"
              prompt #"
                {{ resume_text }}
                {{ ctx.output_format }}
              "#
            }
            """;

    private Fixtures() {
    }
}
